import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempLibrary, textFile, importText } from '../testing/tempLibrary.ts';
import type { Library } from '../library.ts';

const ftsIsConsistent = (library: Library) =>
  library.db.exec("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)");

const paragraphs = [
  'The Parties held the third round of consultations on international information security in Geneva.',
  'They reaffirmed that the United Nations must remain the main venue for negotiations on norms of responsible behaviour.',
  'The delegations discussed a draft convention on countering information crime. The Parties agreed to coordinate their positions.',
  'Special attention was paid to the role of the International Telecommunication Union.',
];
const release = (body: readonly string[], title = 'Joint statement on information security', date = '19 November 2021') =>
  `${title}\n${date}\n\n${body.join('\n\n')}\n`;

/// Highlights `quote` (first occurrence) in document `id` with a tag and a note.
async function highlight(library: Library, id: number, quote: string, tagIds: number[] = [], note = ''): Promise<number> {
  const { text } = await library.service.getDocument({ id });
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return (await library.service.createAnnotation({ documentId: id, start, end: start + quote.length, tagIds, note, exact: quote })).id;
}

test('a re-issued release with the same title and date is a revision: highlights carried, a removed one to review', async (t) => {
  const library = tempLibrary(t);
  const id = await importText(library, 'statement.txt', release(paragraphs));
  const tag = await library.service.createTag({ name: 'Venue' });
  const venue = await highlight(library, id, 'the United Nations must remain the main venue', [tag.id], 'core claim');
  const geneva = await highlight(library, id, 'in Geneva', [tag.id]);
  const coordinate = await highlight(library, id, 'The Parties agreed to coordinate their positions', [tag.id], 'to follow');
  const itu = await highlight(library, id, 'International Telecommunication Union', [tag.id]);
  const oldDocument = await library.service.getDocument({ id });
  const changes: unknown[] = [];
  library.service.on('libraryChanged', (event) => changes.push(event));

  const revisedBody = [
    'Updated on 20 November 2021 with the list of participants.',
    paragraphs[0]!,
    paragraphs[1]!,
    paragraphs[2]!.replace(' The Parties agreed to coordinate their positions.', ''),
    paragraphs[3]!,
  ];
  const result = await library.service.importFiles({ files: [textFile('statement-v2.txt', release(revisedBody))] });
  assert.deepEqual(result.imported, []);
  assert.deepEqual(result.duplicates, []);
  assert.deepEqual(result.revised, [{ name: 'statement-v2.txt', id, title: 'Joint statement on information security', carried: 3, toReview: 1 }]);
  assert.deepEqual(changes, [{ reason: 'import' }]);

  const revised = await library.service.getDocument({ id });
  assert.match(revised.text, /^Joint statement on information security\n\n19 November 2021\n\nUpdated on 20 November/);
  assert.notEqual(revised.contentHash, oldDocument.contentHash);
  const placed = await library.service.listAnnotations({ documentId: id });
  assert.deepEqual(placed.map((a) => a.id).sort(), [venue, geneva, itu].sort());
  for (const annotation of placed) {
    assert.equal(revised.text.slice(annotation.start, annotation.end), annotation.exact, `highlight ${annotation.id} is on its quote`);
    assert.ok(revised.text.slice(0, annotation.start).endsWith(annotation.prefix) && revised.text.slice(annotation.end).startsWith(annotation.suffix));
    assert.deepEqual(annotation.tagIds, [tag.id]);
  }
  assert.equal(placed.find((a) => a.id === venue)!.note, 'core claim');

  const [review] = await library.service.listReviewItems({ documentId: id });
  const before = oldDocument.text.indexOf('The Parties agreed to coordinate');
  assert.deepEqual(
    { id: review!.id, reason: review!.reason, exact: review!.exact, start: review!.start, note: review!.note, tagIds: review!.tagIds },
    { id: coordinate, reason: 'revision', exact: 'The Parties agreed to coordinate their positions', start: before, note: 'to follow', tagIds: [tag.id] },
  );
  assert.equal(oldDocument.text.slice(review!.start, review!.end), review!.exact, 'the review item keeps where it stood in the old text');

  const [summary] = await library.service.listDocuments({});
  assert.deepEqual([summary!.annotationCount, summary!.reviewCount], [3, 1]);
  const exported = JSON.parse((await library.service.exportExcerpts({ format: 'json' })).content) as unknown;
  assert.ok(!JSON.stringify(exported).includes('agreed to coordinate'), 'the export leaves out highlights in review');
  assert.equal((JSON.stringify(exported).match(/International Telecommunication Union/g) ?? []).length >= 1, true);

  // The old text is kept as a revision, with its metadata; the search index follows the new text.
  const kept = library.db.prepare('SELECT document_id AS documentId, text, content_hash AS hash, title FROM document_revisions').all();
  assert.deepEqual(kept, [{ documentId: id, text: oldDocument.text, hash: oldDocument.contentHash, title: oldDocument.title }]);
  assert.deepEqual((await library.service.searchDocuments({ query: 'participants' })).map((h) => h.id), [id]);
  assert.equal((await library.service.listDocuments({})).length, 1);
  ftsIsConsistent(library);
});

test('the same text again, or an earlier revision of it, is a duplicate of the document', async (t) => {
  const library = tempLibrary(t);
  const id = await importText(library, 'v1.txt', release(paragraphs));
  const v2 = release([...paragraphs, 'A closing paragraph added later.']);
  const revisedResult = await library.service.importFiles({ files: [textFile('v2.txt', v2)] });
  assert.equal(revisedResult.revised[0]?.id, id);

  const again = await library.service.importFiles({ files: [textFile('v2-copy.txt', v2), textFile('v1-copy.txt', release(paragraphs))] });
  assert.deepEqual(again.duplicates.map((d) => [d.name, d.id]), [['v2-copy.txt', id], ['v1-copy.txt', id]]);
  assert.deepEqual([again.imported, again.revised], [[], []]);
  assert.equal(library.db.prepare('SELECT count(*) FROM document_revisions').pluck().get(), 1, 'a duplicate adds no revision');
  assert.match((await library.service.getDocument({ id })).text, /closing paragraph/, 'the newest text stays current');
});

test('a word changed inside a highlight carries it onto the changed sentence, with its new quote', async (t) => {
  const library = tempLibrary(t);
  const id = await importText(library, 'v1.txt', release(paragraphs));
  const venue = await highlight(library, id, 'They reaffirmed that the United Nations must remain the main venue');
  const result = await library.service.importFiles({ files: [textFile('v2.txt', release(paragraphs.map((p) => p.replace('must remain', 'should remain'))))] });
  assert.deepEqual(result.revised.map((r) => [r.carried, r.toReview]), [[1, 0]]);
  const [annotation] = await library.service.listAnnotations({ documentId: id });
  assert.equal(annotation!.id, venue);
  assert.equal(annotation!.exact, 'They reaffirmed that the United Nations should remain the main venue');
  assert.equal((await library.service.getDocument({ id })).text.slice(annotation!.start, annotation!.end), annotation!.exact);
});

test('the same source URL with a different title is a revision; metadata the new file states replaces the old', async (t) => {
  const library = tempLibrary(t);
  const page = (title: string, extra: string) => `<!doctype html><html lang="en"><head><title>${title}</title>
    <link rel="canonical" href="https://mfa.example/press/1121">
    <meta property="og:site_name" content="Ministry of Foreign Affairs">
    <meta property="article:published_time" content="2021-11-19T10:00:00Z"></head>
    <body><nav>Home | News</nav><article><h1>${title}</h1>${[...paragraphs, extra].map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const first = await library.service.importFiles({ files: [textFile('first.html', page('Joint statement', 'First edition.'))] });
  const id = first.imported[0]!.id;
  await highlight(library, id, 'the main venue for negotiations');
  const second = await library.service.importFiles({ files: [textFile('second.html', page('Joint statement (corrected)', 'Second edition with corrections.'))] });
  assert.deepEqual(second.revised.map((r) => ({ id: r.id, title: r.title, carried: r.carried, toReview: r.toReview })),
    [{ id, title: 'Joint statement (corrected)', carried: 1, toReview: 0 }]);
  const document = await library.service.getDocument({ id });
  assert.equal(document.title, 'Joint statement (corrected)');
  assert.equal(document.sourceUrl, 'https://mfa.example/press/1121');
  assert.deepEqual((await library.service.searchDocuments({ query: 'corrected' })).map((h) => h.id), [id]);
  assert.deepEqual(library.db.prepare('SELECT title FROM document_revisions').pluck().all(), ['Joint statement']);
});

test('a different date, or no date, makes a new document even with the same title', async (t) => {
  const library = tempLibrary(t);
  await importText(library, 'a.txt', release(paragraphs));
  const result = await library.service.importFiles({
    files: [
      textFile('b.txt', release(paragraphs.slice(1), undefined, '20 November 2021')),
      textFile('c.txt', `Joint statement on information security\n\n${paragraphs[3]}`),
      textFile('d.txt', `Joint statement on information security\n\n${paragraphs[2]}`),
    ],
  });
  assert.deepEqual(result.imported.map((d) => d.name), ['b.txt', 'c.txt', 'd.txt']);
  assert.deepEqual(result.revised, []);
});

test('a different statement under the same generic title and date is a new document, not a revision', async (t) => {
  const library = tempLibrary(t);
  const first = await importText(library, 'a.txt', release(paragraphs, 'Press release'));
  const other = [
    'The Ministry hosted a seminar on spectrum management for regulators from the region.',
    'Participants exchanged experience in licensing satellite services and in planning frequencies for mobile networks.',
  ];
  const result = await library.service.importFiles({ files: [textFile('b.txt', release(other, 'Press release'))] });
  assert.deepEqual(result.revised, []);
  assert.equal(result.imported.length, 1);
  assert.notEqual(result.imported[0]!.id, first);
  assert.match((await library.service.getDocument({ id: first })).text, /third round of consultations/);
});

test('a revision that fails half-way leaves the document, its highlights and its history as they were', async (t) => {
  const library = tempLibrary(t);
  const id = await importText(library, 'v1.txt', release(paragraphs));
  const geneva = await highlight(library, id, 'in Geneva');
  const before = await library.service.getDocument({ id });
  const annotationsBefore = await library.service.listAnnotations({ documentId: id });
  library.db.exec(`CREATE TEMP TRIGGER explode AFTER UPDATE OF "start" ON main.annotations BEGIN
    SELECT RAISE(ABORT, 'the disk caught fire'); END`);
  const result = await library.service.importFiles({ files: [textFile('v2.txt', release(['A new first paragraph.', ...paragraphs]))] });
  assert.deepEqual(result.failed.map((f) => f.name), ['v2.txt']);
  assert.match(result.failed[0]!.reason, /the disk caught fire/);
  assert.deepEqual(await library.service.getDocument({ id }), before);
  assert.deepEqual(await library.service.listAnnotations({ documentId: id }), annotationsBefore);
  assert.equal(annotationsBefore[0]!.id, geneva);
  assert.equal(library.db.prepare('SELECT count(*) FROM document_revisions').pluck().get(), 0);
  ftsIsConsistent(library);
});
