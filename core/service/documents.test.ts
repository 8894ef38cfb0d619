import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';

const ftsIsConsistent = (db: import('better-sqlite3').Database) =>
  db.exec("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)");

test('documents are listed newest publication first, undated last, with their highlight counts', async (t) => {
  const library = tempLibrary(t);
  const old = await importText(library, 'old.txt', 'Older statement\n3 March 2019\n\nText one.');
  const undatedFirst = await importText(library, 'u1.txt', 'Undated one\n\nText two.');
  const recent = await importText(library, 'recent.txt', 'Recent statement\n2024-06-30\n\nText three.');
  const undatedSecond = await importText(library, 'u2.txt', 'Undated two\n\nText four.');
  // Same import second: the later id counts as newer.
  library.db.prepare('UPDATE documents SET imported_at = ?').run('2026-11-29T10:00:00.000Z');
  await library.service.createAnnotation({ documentId: recent, start: 0, end: 6 });
  await library.service.createAnnotation({ documentId: recent, start: 7, end: 16 });

  const list = await library.service.listDocuments({});
  assert.deepEqual(list.map((d) => d.id), [recent, old, undatedSecond, undatedFirst]);
  assert.deepEqual(list[0], {
    id: recent, title: 'Recent statement', source: null, published: '2024-06-30', importedAt: '2026-11-29T10:00:00.000Z', annotationCount: 2, reviewCount: 0,
  });
  assert.equal(list[1]!.annotationCount, 0);
});

test('a document opens with its ProseMirror JSON and canonical text', async (t) => {
  const library = tempLibrary(t);
  const id = await importText(library, 'a.txt', 'Statement\n\nFirst paragraph\ncontinues.');
  const doc = await library.service.getDocument({ id });
  assert.equal(doc.text, 'Statement\n\nFirst paragraph continues.');
  assert.equal(doc.doc.type, 'doc');
  assert.equal(doc.doc.content?.length, 2);
  assert.match(doc.contentHash, /^[0-9a-f]{64}$/);
  assert.equal(doc.sourceUrl, null);
  await assert.rejects(library.service.getDocument({ id: id + 1 }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'not-found' && e.field === 'id' && /Document \d+ is not in the library/.test(e.message));
});

test('openDocument gives the document without its plain text, its highlights and its review list', async (t) => {
  const library = tempLibrary(t);
  const id = await importText(library, 'a.txt', 'Statement\n\nThe ministers met on Tuesday and agreed.');
  const other = await importText(library, 'b.txt', 'Other statement\n\nNothing here.');
  const { text, ...described } = await library.service.getDocument({ id });
  const start = text.indexOf('ministers');
  const placed = await library.service.createAnnotation({ documentId: id, start, end: start + 9, note: 'who' });
  const tuesday = text.indexOf('Tuesday');
  const later = await library.service.createAnnotation({ documentId: id, start: tuesday, end: tuesday + 7 });
  await library.service.createAnnotation({ documentId: other, start: 0, end: 5 });
  await library.service.saveDocumentEdits({ documentId: id, baseHash: described.contentHash, toReview: [later.id] });

  const opened = await library.service.openDocument({ id });
  assert.deepEqual(opened.document, described);
  assert.equal('text' in opened.document, false, 'the plain text is not sent to the editor');
  assert.deepEqual(opened.annotations, [{ id: placed.id, start, end: start + 9, note: 'who', tagIds: [] }], 'placed highlights without their quote, context and history');
  assert.deepEqual(opened.reviewItems.map((r) => [r.id, r.exact, r.reason]), [[later.id, 'Tuesday', 'deleted']]);
  await assert.rejects(library.service.openDocument({ id: other + 1 }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'not-found' && e.field === 'id');
});

test('search finds words in title and text, best first, with the matches marked in a snippet', async (t) => {
  const library = tempLibrary(t);
  const inText = await importText(library, 'a.txt', 'Ministers meet\n\nThe ministers discussed the convention on information crime at length.');
  const inTitle = await importText(library, 'b.txt', 'Convention signed\n\nThe text was agreed.');
  await importText(library, 'c.txt', 'Unrelated\n\nNothing to see.');
  const hits = await library.service.searchDocuments({ query: 'convention' });
  assert.deepEqual(hits.map((h) => h.id), [inTitle, inText]);
  const snippet = hits[1]!.snippet;
  assert.deepEqual(snippet.filter((p) => p.match).map((p) => p.text), ['convention']);
  assert.match(snippet.map((p) => p.text).join(''), /discussed the convention on information/);
  assert.equal((await library.service.searchDocuments({ query: 'convention', limit: 1 })).length, 1);
});

test('search finds Cyrillic words and ignores case and diacritics', async (t) => {
  const library = tempLibrary(t);
  const russian = await importText(library, 'ru.txt', 'Совместное заявление\n\nПутин и министры обсудили роль Союза.');
  const latin = await importText(library, 'en.txt', 'Statement\n\nPutin met the delegation in Zürich.');
  assert.deepEqual((await library.service.searchDocuments({ query: 'путин' })).map((h) => h.id), [russian]);
  assert.deepEqual((await library.service.searchDocuments({ query: 'Pütin' })).map((h) => h.id), [latin]);
  assert.deepEqual((await library.service.searchDocuments({ query: 'zurich' })).map((h) => h.id), [latin]);
  assert.deepEqual((await library.service.searchDocuments({ query: 'СОЮЗА' })).map((h) => h.id), [russian]);
});

test('search takes FTS syntax as plain words and refuses a query with nothing to search for', async (t) => {
  const library = tempLibrary(t);
  const id = await importText(library, 'a.txt', "Statement\n\nThe ITU-T study group's NEAR-final report (draft).");
  for (const query of ['ITU-T', "group's", 'NEAR(', '"study group', 'report)', 'title: statement', 'NOT', 'dra*']) {
    const hits = await library.service.searchDocuments({ query });
    assert.ok(Array.isArray(hits), query);
  }
  assert.deepEqual((await library.service.searchDocuments({ query: 'ITU-T' })).map((h) => h.id), [id]);
  assert.deepEqual((await library.service.searchDocuments({ query: 'dra*' })).map((h) => h.id), [id]);
  await assert.rejects(library.service.searchDocuments({ query: '*** ---' }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'invalid-argument' && e.field === 'query');
});

test('updateDocument corrects title, date, source and URL; search follows the new title', async (t) => {
  const library = tempLibrary(t);
  const id = await importText(library, 'a.txt', 'Statment on cooperation\n3 March 2019\n\nThe ministers met.');
  await library.service.createAnnotation({ documentId: id, start: 0, end: 8 });
  const before = await library.service.getDocument({ id });
  const changes: unknown[] = [];
  library.service.on('libraryChanged', (event) => changes.push(event));

  const updated = await library.service.updateDocument({
    id, title: '  Joint declaration on cooperation ', published: '2019-03-04', source: 'Ministry of Foreign Affairs', sourceUrl: 'https://mfa.example/news/42',
  });
  assert.deepEqual(
    { title: updated.title, published: updated.published, source: updated.source, sourceUrl: updated.sourceUrl },
    { title: 'Joint declaration on cooperation', published: '2019-03-04', source: 'Ministry of Foreign Affairs', sourceUrl: 'https://mfa.example/news/42' },
  );
  assert.equal((await library.service.getDocument({ id })).text, before.text, 'the text is untouched');
  assert.equal(updated.contentHash, before.contentHash);
  assert.equal((await library.service.listAnnotations({ documentId: id }))[0]!.exact, 'Statment');
  assert.deepEqual(changes, [{ reason: 'update' }]);
  assert.deepEqual((await library.service.searchDocuments({ query: 'declaration' })).map((h) => h.id), [id]);
  assert.deepEqual(await library.service.searchDocuments({ query: 'statment' }).then((hits) => hits.map((h) => h.id)), [id], 'the text still reads "Statment"');
  ftsIsConsistent(library.db);

  // Only the fields given change; null clears one, an empty source is no source.
  const partly = await library.service.updateDocument({ id, published: null, source: '' });
  assert.deepEqual([partly.title, partly.published, partly.source, partly.sourceUrl], ['Joint declaration on cooperation', null, null, 'https://mfa.example/news/42']);
  assert.deepEqual(await library.service.updateDocument({ id }), (await library.service.openDocument({ id })).document);
});

test('updateDocument refuses invalid fields by name and writes nothing', async (t) => {
  const library = tempLibrary(t);
  const id = await importText(library, 'a.txt', 'Statement\n3 March 2019\n\nText.');
  const before = await library.service.getDocument({ id });
  const invalid: [Record<string, unknown>, string][] = [
    [{ id, title: '   ', published: '2020-01-01' }, 'title'],
    [{ id, title: 'New', published: '4 March 2019' }, 'published'],
    [{ id, published: '2019-02-30' }, 'published'],
    [{ id, title: 'New', sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
    [{ id, sourceUrl: 'not a url' }, 'sourceUrl'],
    [{ id, source: 'x'.repeat(1001) }, 'source'],
    [{ id: 0, title: 'New' }, 'id'],
  ];
  for (const [args, field] of invalid) {
    await assert.rejects(library.service.updateDocument(args as never), (e: unknown) =>
      e instanceof ExcerptError && e.code === 'invalid-argument' && e.field === field, JSON.stringify(args));
  }
  await assert.rejects(library.service.updateDocument({ id: id + 1, title: 'New' }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'not-found' && e.field === 'id');
  assert.deepEqual(await library.service.getDocument({ id }), before);
});

/// Three dated documents from two sources; a highlight tagged with a sub-tag on the first.
async function filteredLibrary(t: import('node:test').TestContext) {
  const library = tempLibrary(t);
  const { service } = library;
  const march = await importText(library, 'march.txt', 'Cooperation agreed\n2024-03-18\n\nThe offices agreed to share warnings.');
  const may = await importText(library, 'may.txt', 'Spectrum plans\n2024-05-02\n\nThe regulators compared plans.');
  const june = await importText(library, 'june.txt', 'Annual report\n2024-06-30\n\nThe report was published.');
  const undated = await importText(library, 'undated.txt', 'Undated note\n\nNo date here.');
  await service.updateDocument({ id: march, source: 'Ministry of Foreign Affairs' });
  await service.updateDocument({ id: may, source: 'Telecom Authority' });
  await service.updateDocument({ id: june, source: 'Ministry of Foreign Affairs' });
  const actors = await service.createTag({ name: 'Actors' });
  const regulator = await service.createTag({ name: 'Regulator', parentId: actors.id });
  const national = await service.createTag({ name: 'National', parentId: regulator.id });
  const other = await service.createTag({ name: 'Other' });
  await service.createAnnotation({ documentId: march, start: 0, end: 11, tagIds: [national.id] });
  return { library, service, ids: { march, may, june, undated }, tags: { actors, regulator, national, other } };
}

test('listDocuments filters by tag (sub-tags included), by date range and by source, alone and combined', async (t) => {
  const { service, ids, tags } = await filteredLibrary(t);
  const list = async (filter: Parameters<typeof service.listDocuments>[0]) => (await service.listDocuments(filter)).map((d) => d.id);

  assert.deepEqual(await list({}), [ids.june, ids.may, ids.march, ids.undated]);
  assert.deepEqual(await list({ tagId: tags.actors.id }), [ids.march], 'a grandparent tag finds the sub-sub-tag');
  assert.deepEqual(await list({ tagId: tags.national.id }), [ids.march]);
  assert.deepEqual(await list({ tagId: tags.other.id }), []);
  assert.deepEqual(await list({ tagId: 9999 }), [], 'a deleted tag has no documents');
  assert.deepEqual(await list({ from: '2024-05-02' }), [ids.june, ids.may], 'from is inclusive; undated documents fall outside');
  assert.deepEqual(await list({ to: '2024-05-02' }), [ids.may, ids.march], 'to is inclusive');
  assert.deepEqual(await list({ from: '2024-03-19', to: '2024-06-29' }), [ids.may]);
  assert.deepEqual(await list({ from: '2024-06-30', to: '2024-06-30' }), [ids.june]);
  assert.deepEqual(await list({ source: 'Ministry of Foreign Affairs' }), [ids.june, ids.march]);
  assert.deepEqual(await list({ source: 'Ministry' }), [], 'the source matches exactly');
  assert.deepEqual(await list({ source: 'Ministry of Foreign Affairs', from: '2024-04-01' }), [ids.june]);
  assert.deepEqual(await list({ tagId: tags.regulator.id, source: 'Ministry of Foreign Affairs', to: '2024-03-18' }), [ids.march]);
  assert.deepEqual(await list({ tagId: tags.regulator.id, source: 'Telecom Authority' }), []);
  const [march] = await service.listDocuments({ tagId: tags.actors.id });
  assert.equal(march!.annotationCount, 1, 'a filtered list keeps its counts');
});

test('listDocuments by tag ignores highlights waiting for review and untagged ones', async (t) => {
  const { library, service, ids, tags } = await filteredLibrary(t);
  const waiting = await service.createAnnotation({ documentId: ids.may, start: 0, end: 8, tagIds: [tags.regulator.id] });
  await service.createAnnotation({ documentId: ids.june, start: 0, end: 6 });
  assert.deepEqual((await service.listDocuments({ tagId: tags.actors.id })).map((d) => d.id), [ids.may, ids.march]);
  library.db.prepare("UPDATE annotations SET review_reason = 'deleted' WHERE id = ?").run(waiting.id);
  assert.deepEqual((await service.listDocuments({ tagId: tags.actors.id })).map((d) => d.id), [ids.march]);
});

test('listDocuments toReview keeps documents with a highlight in review, alone and with other filters', async (t) => {
  const { library, service, ids, tags } = await filteredLibrary(t);
  const list = async (filter: Parameters<typeof service.listDocuments>[0]) => (await service.listDocuments(filter)).map((d) => d.id);
  const toReview = (id: number, reason: 'revision' | 'deleted') =>
    library.db.prepare('UPDATE annotations SET review_reason = ? WHERE id = ?').run(reason, id);

  assert.deepEqual(await list({ toReview: true }), [], 'placed highlights are not in review');
  const inMay = await service.createAnnotation({ documentId: ids.may, start: 0, end: 8 });
  await service.createAnnotation({ documentId: ids.may, start: 9, end: 12 });
  const inUndated = await service.createAnnotation({ documentId: ids.undated, start: 0, end: 4 });
  toReview(inMay.id, 'deleted');
  toReview(inUndated.id, 'revision');

  assert.deepEqual(await list({ toReview: true }), [ids.may, ids.undated], 'either reason, newest first');
  assert.deepEqual(await list({ toReview: false }), [ids.june, ids.may, ids.march, ids.undated], 'false does not narrow');
  assert.deepEqual(await list({ toReview: true, from: '2024-01-01' }), [ids.may]);
  assert.deepEqual(await list({ toReview: true, source: 'Telecom Authority' }), [ids.may]);
  assert.deepEqual(await list({ toReview: true, tagId: tags.actors.id }), [], 'no document is both');
  const [may] = await service.listDocuments({ toReview: true });
  assert.deepEqual([may!.annotationCount, may!.reviewCount], [1, 1], 'the counts stay');
  await service.discardReviewItem({ id: inUndated.id });
  assert.deepEqual(await list({ toReview: true }), [ids.may]);
  await assert.rejects(service.listDocuments({ toReview: 'yes' } as never), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'invalid-argument' && e.field === 'toReview');
});

test('listDocuments refuses an invalid date or a range that ends before it starts, naming the field', async (t) => {
  const { service } = await filteredLibrary(t);
  const invalid: [Record<string, unknown>, string][] = [
    [{ from: '2024-07-01', to: '2024-06-30' }, 'to'],
    [{ from: '18 March 2024' }, 'from'],
    [{ to: '2024-02-30' }, 'to'],
    [{ tagId: 0 }, 'tagId'],
    [{ source: 'x'.repeat(1001) }, 'source'],
  ];
  for (const [args, field] of invalid) {
    await assert.rejects(service.listDocuments(args as never), (e: unknown) =>
      e instanceof ExcerptError && e.code === 'invalid-argument' && e.field === field, JSON.stringify(args));
  }
});

test('listSources gives the sources present, the most documents first', async (t) => {
  const { service, ids } = await filteredLibrary(t);
  assert.deepEqual(await service.listSources({}), [
    { source: 'Ministry of Foreign Affairs', count: 2 },
    { source: 'Telecom Authority', count: 1 },
  ]);
  await service.updateDocument({ id: ids.may, source: '' });
  assert.deepEqual(await service.listSources({}), [{ source: 'Ministry of Foreign Affairs', count: 2 }]);
});
