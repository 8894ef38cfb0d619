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
  assert.equal(updated.text, before.text, 'the text is untouched');
  assert.equal(updated.contentHash, before.contentHash);
  assert.equal((await library.service.listAnnotations({ documentId: id }))[0]!.exact, 'Statment');
  assert.deepEqual(changes, [{ reason: 'update' }]);
  assert.deepEqual((await library.service.searchDocuments({ query: 'declaration' })).map((h) => h.id), [id]);
  assert.deepEqual(await library.service.searchDocuments({ query: 'statment' }).then((hits) => hits.map((h) => h.id)), [id], 'the text still reads "Statment"');
  ftsIsConsistent(library.db);

  // Only the fields given change; null clears one, an empty source is no source.
  const partly = await library.service.updateDocument({ id, published: null, source: '' });
  assert.deepEqual([partly.title, partly.published, partly.source, partly.sourceUrl], ['Joint declaration on cooperation', null, null, 'https://mfa.example/news/42']);
  assert.deepEqual(await library.service.updateDocument({ id }), await library.service.getDocument({ id }));
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
