import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { importText, tempLibrary, textFile } from '../testing/tempLibrary.ts';
import type { Library } from '../library.ts';
import { reviewSummarySql } from '../store/annotations.ts';

/// A document whose highlights on `dropped` sentences go to review when it is re-issued without them.
async function documentWithReview(library: Library, title: string, kept: string[], dropped: string[]): Promise<{ id: number; reviewIds: number[] }> {
  const file = (sentences: string[]) => `${title}\n19 November 2021\n\n${sentences.join('\n\n')}`;
  const id = await importText(library, `${title}.txt`, file([...dropped, ...kept]));
  const { text } = await library.service.getDocument({ id });
  const reviewIds: number[] = [];
  // Highlight the dropped sentences last first, so ids do not follow reading order.
  for (const sentence of [...dropped].reverse()) {
    const start = text.indexOf(sentence);
    reviewIds.unshift((await library.service.createAnnotation({ documentId: id, start, end: start + sentence.length, note: `on ${sentence.slice(0, 10)}` })).id);
  }
  const start = text.indexOf(kept[0]!);
  await library.service.createAnnotation({ documentId: id, start, end: start + kept[0]!.length });
  const result = await library.service.importFiles({ files: [textFile(`${title}-v2.txt`, file(kept))] });
  assert.equal(result.revised[0]?.toReview, dropped.length);
  return { id, reviewIds };
}

test('the review list shows highlights by document, then where they stood; placed ones are not in it', async (t) => {
  const library = tempLibrary(t);
  const a = await documentWithReview(library, 'First', ['The ministers met in Geneva.'], ['The Parties welcomed the report of the group.', 'They called for a convention on crime.']);
  const b = await documentWithReview(library, 'Second', ['The talks were constructive.'], ['The delegation left early on Tuesday morning.']);

  const all = await library.service.listReviewItems({});
  assert.deepEqual(all.map((item) => item.id), [...a.reviewIds, ...b.reviewIds]);
  assert.ok(all.every((item) => item.reason === 'revision'));
  assert.deepEqual(all.map((item) => item.exact), ['The Parties welcomed the report of the group.', 'They called for a convention on crime.', 'The delegation left early on Tuesday morning.']);
  assert.equal(all[0]!.note, 'on The Partie');
  assert.deepEqual((await library.service.listReviewItems({ documentId: b.id })).map((item) => item.id), b.reviewIds);
  assert.deepEqual((await library.service.listDocuments({})).map((d) => [d.title, d.annotationCount, d.reviewCount]).sort(), [['First', 1, 2], ['Second', 1, 1]]);
  await assert.rejects(library.service.listReviewItems({ documentId: b.id + 100 }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'not-found' && e.field === 'documentId');
});

test('discarding a review item deletes it; a placed highlight or an unknown id is refused', async (t) => {
  const library = tempLibrary(t);
  const { id, reviewIds } = await documentWithReview(library, 'Only', ['The ministers met in Geneva.'], ['The Parties welcomed the report of the group.']);
  const [placed] = await library.service.listAnnotations({ documentId: id });
  const changes: unknown[] = [];
  library.service.on('libraryChanged', (event) => changes.push(event));

  await assert.rejects(library.service.discardReviewItem({ id: placed!.id }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'conflict' && e.field === 'id' && /not in the review list/.test(e.message));
  assert.deepEqual(await library.service.discardReviewItem({ id: reviewIds[0]! }), { id: reviewIds[0] });
  await assert.rejects(library.service.discardReviewItem({ id: reviewIds[0]! }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'not-found' && e.field === 'id');
  assert.deepEqual(await library.service.listReviewItems({ documentId: id }), []);
  assert.deepEqual((await library.service.listAnnotations({ documentId: id })).map((a) => a.id), [placed!.id]);
  assert.equal((await library.service.listDocuments({}))[0]!.reviewCount, 0);
  assert.deepEqual(changes, [{ reason: 'delete' }]);
});

test('the review summary counts the highlights in review across the library and the documents holding them', async (t) => {
  const library = tempLibrary(t);
  assert.deepEqual(await library.service.reviewSummary({}), { items: 0, documents: 0 });
  const a = await documentWithReview(library, 'First', ['The ministers met in Geneva.'], ['The Parties welcomed the report of the group.', 'They called for a convention on crime.']);
  await documentWithReview(library, 'Second', ['The talks were constructive.'], ['The delegation left early on Tuesday morning.']);
  await importText(library, 'third.txt', 'Third\n19 November 2021\n\nNothing waits here.');
  assert.deepEqual(await library.service.reviewSummary({}), { items: 3, documents: 2 }, 'placed highlights do not count');

  // A highlight whose text an edit deleted counts too.
  const [placed] = await library.service.listAnnotations({ documentId: a.id });
  const { contentHash } = await library.service.getDocument({ id: a.id });
  await library.service.saveDocumentEdits({ documentId: a.id, baseHash: contentHash, toReview: [placed!.id] });
  assert.deepEqual(await library.service.reviewSummary({}), { items: 4, documents: 2 });

  for (const id of a.reviewIds) await library.service.discardReviewItem({ id });
  assert.deepEqual(await library.service.reviewSummary({}), { items: 2, documents: 2 });
  await library.service.discardReviewItem({ id: placed!.id });
  assert.deepEqual(await library.service.reviewSummary({}), { items: 1, documents: 1 });
});

test('the review summary reads only the partial index of highlights in review', (t) => {
  const library = tempLibrary(t);
  const plan = library.db.prepare(`EXPLAIN QUERY PLAN ${reviewSummarySql}`).all().map((row) => (row as { detail: string }).detail).join(' | ');
  assert.match(plan, /SCAN annotations USING (COVERING )?INDEX annotations_in_review/);
  assert.doesNotMatch(plan, /SCAN annotations(?! USING)|TEMP B-TREE/, 'no scan of the whole table, no sort');
});
