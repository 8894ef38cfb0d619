import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ExcerptError } from '../../common/errors.ts';
import type { Annotation, TextHighlight } from '../../common/types.ts';
import type { Library } from '../library.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';

const isError = (code: string, field: string, message: RegExp) => (e: unknown) =>
  e instanceof ExcerptError && e.code === code && e.field === field && message.test(e.message);

const title = 'Joint statement';
const paragraphs = [
  'The ministers met in Geneva on Tuesday.',
  'They called for a convention against information crime.',
  'The talks will resume in spring.',
];

/// A stored highlight as a save returns it: without its quote, context and history.
function onText({ documentId: _documentId, exact: _exact, prefix: _prefix, suffix: _suffix, createdAt: _createdAt, updatedAt: _updatedAt, ...highlight }: Annotation): TextHighlight {
  return highlight;
}

/// ProseMirror JSON of a document with the imported title heading and these paragraphs.
const docOf = (body: readonly string[]) => ({
  type: 'doc' as const,
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] },
    ...body.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  ],
});
/// The canonical text of docOf(body).
const textOf = (body: readonly string[]) => [title, ...body].join('\n\n');

/// The document imported from `paragraphs`, its hash, and a highlighter for its text.
async function statement(library: Library, body: readonly string[] = paragraphs) {
  const id = await importText(library, `${body[0]!.slice(0, 12)}.txt`, textOf(body));
  const { text, contentHash } = await library.service.getDocument({ id });
  assert.equal(text, textOf(body));
  const highlight = async (quote: string, tagIds: number[] = [], note = '') => {
    const start = text.indexOf(quote);
    assert.ok(start >= 0, quote);
    return library.service.createAnnotation({ documentId: id, start, end: start + quote.length, tagIds, note });
  };
  return { id, baseHash: contentHash, highlight };
}

/// A highlight of the save, over the first occurrence of `quote` in `text`.
function over(text: string, quote: string, rest: { key: string; id?: number; tagIds?: number[]; note?: string }) {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { tagIds: [], note: '', ...rest, start, end: start + quote.length };
}

/// Everything an editing save may write, to show that a refused one wrote nothing.
const snapshot = (library: Library) => ['documents', 'annotations', 'annotation_tags', 'document_revisions']
  .map((table) => library.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all());

test('an edit saves the new text and every highlight where the editor put it, in one go', async (t) => {
  const library = tempLibrary(t);
  const { service, db } = library;
  const venue = await service.createTag({ name: 'Venue' });
  const crime = await service.createTag({ name: 'Information crime convention' });
  const doc = await statement(library);
  const geneva = await doc.highlight('in Geneva', [venue.id], 'where');
  const convention = await doc.highlight('a convention against information crime', [crime.id]);
  const tuesday = await doc.highlight('on Tuesday');
  const spring = await doc.highlight('The talks will resume in spring.', [venue.id], 'dates');
  const changes: unknown[] = [];
  service.on('libraryChanged', (event) => changes.push(event));

  // The analyst adds a sentence at the start, deletes the last paragraph's words, rewrites
  // "on Tuesday", removes the Geneva highlight's tag, and highlights a new passage.
  const body = ['On 19 November, the ministers met in Geneva.', paragraphs[1]!, 'Further talks are planned.'];
  const text = textOf(body);
  const saved = await service.saveDocumentEdits({
    documentId: doc.id,
    baseHash: doc.baseHash,
    doc: docOf(body),
    highlights: [
      over(text, 'in Geneva', { key: 'k-geneva', id: geneva.id, note: 'where' }),
      over(text, 'a convention against information crime', { key: 'k-convention', id: convention.id, tagIds: [crime.id] }),
      over(text, 'On 19 November', { key: 'new-1', tagIds: [venue.id, crime.id, venue.id], note: 'date' }),
    ],
    removed: [tuesday.id],
    toReview: [spring.id],
  });

  const { text: stored, ...described } = await service.getDocument({ id: doc.id });
  assert.equal(stored, text);
  assert.equal(saved.document.contentHash, createHash('sha256').update(text).digest('hex'));
  assert.deepEqual(saved.document, described, 'the saved document as stored, without its plain text');
  const created = saved.annotations.find((a) => text.slice(a.start, a.end) === 'On 19 November')!;
  assert.deepEqual(saved.saved, [{ key: 'k-geneva', id: geneva.id }, { key: 'k-convention', id: convention.id }, { key: 'new-1', id: created.id }]);
  assert.deepEqual(saved.annotations, (await service.listAnnotations({ documentId: doc.id })).map(onText));
  assert.deepEqual(saved.annotations.map((a) => [a.id, text.slice(a.start, a.end), a.tagIds, a.note]), [
    [created.id, 'On 19 November', [venue.id, crime.id].sort((a, b) => a - b), 'date'],
    [geneva.id, 'in Geneva', [], 'where'],
    [convention.id, 'a convention against information crime', [crime.id], ''],
  ]);
  for (const a of await service.listAnnotations({ documentId: doc.id })) {
    assert.equal(text.slice(a.start, a.end), a.exact);
    assert.ok(text.slice(0, a.start).endsWith(a.prefix) && text.slice(a.end).startsWith(a.suffix), `context of ${a.exact}`);
    assert.ok(a.prefix.length > 0 || a.start === 0);
  }
  const movedConvention = (await service.listAnnotations({ documentId: doc.id })).find((a) => a.id === convention.id)!;
  assert.equal(movedConvention.updatedAt > convention.updatedAt, true, 'a moved highlight is marked updated');

  // The highlight whose text went waits in the review list with its old quote and place.
  assert.deepEqual(saved.reviewItems, await service.listReviewItems({ documentId: doc.id }));
  assert.deepEqual(saved.reviewItems.map((r) => [r.id, r.reason, r.exact, r.start, r.end, r.prefix, r.suffix, r.note, r.tagIds]),
    [[spring.id, 'deleted', spring.exact, spring.start, spring.end, spring.prefix, spring.suffix, 'dates', [venue.id]]]);
  assert.equal(db.prepare('SELECT count(*) FROM annotations WHERE id = ?').pluck().get(tuesday.id), 0, 'the removed highlight is gone');

  // The earlier text is kept as a revision; search finds the new words, not the deleted ones.
  assert.deepEqual(db.prepare('SELECT document_id, text, content_hash FROM document_revisions').raw().all(), [[doc.id, textOf(paragraphs), doc.baseHash]]);
  assert.deepEqual((await service.searchDocuments({ query: 'November' })).map((hit) => hit.id), [doc.id]);
  assert.deepEqual(await service.searchDocuments({ query: 'spring' }), []);
  assert.deepEqual(changes, [{ reason: 'update' }]);
  assert.equal((await service.listDocuments({}))[0]!.reviewCount, 1);

  // The next save is made on the new text: the old hash is refused, the new one accepted.
  await assert.rejects(service.saveDocumentEdits({ documentId: doc.id, baseHash: doc.baseHash }), isError('conflict', 'baseHash', /changed since it was opened/));
  await service.saveDocumentEdits({ documentId: doc.id, baseHash: saved.document.contentHash });
});

test('a highlight sent with its id comes back from the review list onto the text; one not sent stays as it was', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const doc = await statement(library);
  const restored = await doc.highlight('They called for a convention');
  const other = await doc.highlight('in Geneva');
  const text = textOf(paragraphs);
  // An edit deleted the passage (to review), then the analyst undid it: the text is as before.
  const deleted = await service.saveDocumentEdits({ documentId: doc.id, baseHash: doc.baseHash, toReview: [restored.id] });
  assert.deepEqual(deleted.reviewItems.map((r) => r.id), [restored.id]);

  const back = await service.saveDocumentEdits({
    documentId: doc.id,
    baseHash: deleted.document.contentHash,
    highlights: [over(text, 'They called for a convention', { key: 'undo', id: restored.id, note: 'restored' })],
  });
  assert.deepEqual(back.reviewItems, []);
  assert.deepEqual(back.annotations.map((a) => [a.id, text.slice(a.start, a.end), a.note]), [[other.id, 'in Geneva', ''], [restored.id, 'They called for a convention', 'restored']]);
  assert.deepEqual(back.annotations.find((a) => a.id === other.id), onText(other), 'a highlight the save leaves out is untouched when the text stays');
  assert.equal(back.document.contentHash, doc.baseHash, 'no doc: the text did not change');
  assert.equal(library.db.prepare('SELECT count(*) FROM document_revisions').pluck().get(), 0);
});

test('a document whose text is the same (only its formatting changed) keeps its hash and gets no revision', async (t) => {
  const library = tempLibrary(t);
  const { service, db } = library;
  const doc = await statement(library);
  const kept = await doc.highlight('in Geneva');
  const bold = docOf(paragraphs);
  bold.content[1] = { type: 'paragraph', content: [{ type: 'text', text: paragraphs[0]!, marks: [{ type: 'strong' }] } as never] };
  const saved = await service.saveDocumentEdits({ documentId: doc.id, baseHash: doc.baseHash, doc: bold });
  assert.equal(saved.document.contentHash, doc.baseHash);
  assert.deepEqual(saved.document.doc, bold);
  assert.deepEqual(saved.annotations, [onText(kept)], 'with the text unchanged, a highlight left out stays');
  assert.equal(db.prepare('SELECT count(*) FROM document_revisions').pluck().get(), 0);
});

test('a save made on a text that has changed since is refused, and writes nothing', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const doc = await statement(library);
  const kept = await doc.highlight('in Geneva');
  const before = snapshot(library);
  const changes: unknown[] = [];
  service.on('libraryChanged', (event) => changes.push(event));
  const body = ['Changed.', ...paragraphs];
  await assert.rejects(service.saveDocumentEdits({
    documentId: doc.id,
    baseHash: 'a-hash-of-some-other-text',
    doc: docOf(body),
    highlights: [over(textOf(body), 'in Geneva', { key: 'g', id: kept.id })],
  }), isError('conflict', 'baseHash', /The document changed since it was opened .*Reload it.*make the edits again/s));
  assert.deepEqual(snapshot(library), before);
  assert.deepEqual(changes, []);
  await assert.rejects(service.saveDocumentEdits({ documentId: doc.id + 1, baseHash: doc.baseHash }), isError('not-found', 'documentId', /not in the library/));
});

test('a document that does not fit the schema is refused by name', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const doc = await statement(library);
  const before = snapshot(library);
  const bad = [
    { type: 'doc', content: [{ type: 'script', content: [] }] },
    { type: 'doc', content: [{ type: 'text', text: 'text straight in the document' }] },
    { type: 'doc', content: [] },
  ];
  for (const json of bad) {
    await assert.rejects(service.saveDocumentEdits({ documentId: doc.id, baseHash: doc.baseHash, doc: json as never }),
      isError('invalid-argument', 'doc', /The edited document is not one Excerpt can store \(.+\), so nothing was saved/), JSON.stringify(json));
  }
  await assert.rejects(service.saveDocumentEdits({ documentId: doc.id, baseHash: doc.baseHash, doc: { type: 'paragraph' } as never }),
    isError('invalid-argument', 'doc.type', /is not valid/));
  assert.deepEqual(snapshot(library), before);
});

test('highlights off the text, inside one character, with unknown tags or of another document are refused; nothing is written', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const tag = await service.createTag({ name: 'Tag' });
  const doc = await statement(library, ['Smile 😊 at the ministers.', ...paragraphs.slice(1)]);
  const elsewhere = await statement(library);
  const foreign = await elsewhere.highlight('in Geneva');
  const placed = await doc.highlight('at the ministers');
  const text = textOf(['Smile 😊 at the ministers.', ...paragraphs.slice(1)]);
  const emoji = text.indexOf('😊');
  const before = snapshot(library);
  const base = { documentId: doc.id, baseHash: doc.baseHash };
  const cases: [Parameters<typeof service.saveDocumentEdits>[0], ReturnType<typeof isError>][] = [
    [{ ...base, highlights: [{ key: 'a', start: 0, end: text.length + 1, tagIds: [], note: '' }] }, isError('invalid-argument', 'highlights.0.end', /past the end of the document/)],
    [{ ...base, highlights: [over(text, 'Smile', { key: 'a' }), { key: 'b', start: emoji + 1, end: emoji + 4, tagIds: [], note: '' }] },
      isError('invalid-argument', 'highlights.1.start', /inside one character/)],
    [{ ...base, highlights: [over(text, 'Smile', { key: 'a', tagIds: [tag.id, 4242] })] }, isError('not-found', 'highlights.0.tagIds.1', /no tag with id 4242/)],
    [{ ...base, highlights: [over(text, 'Smile', { key: 'a', id: foreign.id })] }, isError('not-found', 'highlights.0.id', /not one of this document's highlights/)],
    [{ ...base, removed: [foreign.id] }, isError('not-found', 'removed.0', /not one of this document's highlights/)],
    [{ ...base, toReview: [9999] }, isError('not-found', 'toReview.0', /Highlight 9999 is not one of this document's highlights/)],
    [{ ...base, removed: [placed.id], toReview: [placed.id] }, isError('invalid-argument', 'toReview.0', /named twice in one save \(removed\.0 and toReview\.0\)/)],
    [{ ...base, highlights: [over(text, 'Smile', { key: 'a', id: placed.id }), over(text, 'Smile', { key: 'b', id: placed.id })] },
      isError('invalid-argument', 'highlights.1.id', /named twice/)],
    [{ ...base, highlights: [over(text, 'Smile', { key: 'same' }), over(text, 'ministers', { key: 'same' })] }, isError('invalid-argument', 'highlights.1.key', /share the key "same"/)],
    [{ ...base, highlights: [{ key: 'a', start: 5, end: 5, tagIds: [], note: '' }] }, isError('invalid-argument', 'highlights.0.end', /at least one character/)],
  ];
  for (const [edits, expected] of cases) await assert.rejects(service.saveDocumentEdits(edits), expected, JSON.stringify(edits));
  assert.deepEqual(snapshot(library), before);

  const inReview = (await service.saveDocumentEdits({ ...base, toReview: [placed.id] })).reviewItems[0]!;
  const sentToReview = snapshot(library);
  await assert.rejects(service.saveDocumentEdits({ ...base, toReview: [inReview.id] }), isError('conflict', 'toReview.0', /already in the review list/));
  assert.deepEqual(snapshot(library), sentToReview);
});

test('a text change that does not say where a placed highlight went is refused, naming it', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const doc = await statement(library);
  const geneva = await doc.highlight('in Geneva');
  const crime = await doc.highlight('information crime');
  const parked = await doc.highlight('The talks will resume');
  await service.saveDocumentEdits({ documentId: doc.id, baseHash: doc.baseHash, toReview: [parked.id] });
  const before = snapshot(library);
  const body = ['Today the ministers met in Geneva on Tuesday.', ...paragraphs.slice(1)];
  await assert.rejects(service.saveDocumentEdits({
    documentId: doc.id,
    baseHash: doc.baseHash,
    doc: docOf(body),
    highlights: [over(textOf(body), 'in Geneva', { key: 'g', id: geneva.id })],
  }), isError('invalid-argument', 'highlights', new RegExp(`did not say where highlight ${crime.id} now stands; .*nothing was saved\\. Reload the document`)));
  assert.deepEqual(snapshot(library), before, 'a highlight in the review list need not be sent');
});

test('a save of 5,000 highlights stores each with its quote and returns its id by key', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const [tagA, tagB] = [await service.createTag({ name: 'A' }), await service.createTag({ name: 'B' })];
  const sentence = (i: number) => `Statement number ${i} was made by delegation ${i % 97}.`;
  const body = Array.from({ length: 1000 }, (_, p) => Array.from({ length: 5 }, (_, s) => sentence(p * 5 + s)).join(' '));
  const doc = await statement(library, body);
  const text = textOf(body);
  const highlights = Array.from({ length: 5000 }, (_, i) => {
    const start = text.indexOf(sentence(i) + (i % 5 === 4 ? '' : ' '));
    return { key: `h${i}`, start, end: start + sentence(i).length, tagIds: i % 2 ? [tagA.id] : [tagA.id, tagB.id], note: i % 10 ? '' : `note ${i}` };
  });
  const first = await service.saveDocumentEdits({ documentId: doc.id, baseHash: doc.baseHash, highlights });
  assert.equal(first.annotations.length, 5000);
  assert.deepEqual(first.saved.map((s) => s.key), highlights.map((h) => h.key));
  assert.equal(new Set(first.saved.map((s) => s.id)).size, 5000);
  const byId = new Map(first.annotations.map((a) => [a.id, a]));
  first.saved.forEach(({ id }, i) => {
    const a = byId.get(id)!;
    assert.deepEqual([text.slice(a.start, a.end), a.tagIds.length, a.note], [sentence(i), i % 2 ? 1 : 2, i % 10 ? '' : `note ${i}`]);
  });

  // A word added at the start moves all 5,000 by its length.
  const moved = ['Update:', ...body];
  const shift = 'Update:\n\n'.length;
  const second = await service.saveDocumentEdits({
    documentId: doc.id,
    baseHash: first.document.contentHash,
    doc: docOf(moved),
    highlights: first.saved.map(({ key, id }, i) => ({ ...highlights[i]!, key, id, start: highlights[i]!.start + shift, end: highlights[i]!.end + shift })),
  });
  assert.equal(second.annotations.length, 5000);
  const { text: secondText } = await service.getDocument({ id: doc.id });
  const quotes = (list: readonly TextHighlight[], within: string) => list.map((a) => within.slice(a.start, a.end)).sort();
  assert.deepEqual(quotes(second.annotations, secondText), quotes(first.annotations, text));
  for (const a of await service.listAnnotations({ documentId: doc.id })) assert.equal(secondText.slice(a.start, a.end), a.exact, 'stored with its new quote');
});
