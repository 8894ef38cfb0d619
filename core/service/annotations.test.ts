import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';

const isError = (code: string, field: string, message: RegExp) => (e: unknown) =>
  e instanceof ExcerptError && e.code === code && e.field === field && message.test(e.message);

const body = 'The ministers asked the Union to act as facilitator of the regional programme.';

test('a highlight stores its quote and context, its note and tags, and lists in reading order', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const doc = await importText(library, 'a.txt', `Statement\n\n${body}`);
  const text = (await service.getDocument({ id: doc })).text;
  const itu = await service.createTag({ name: 'ITU role' });
  const start = text.indexOf('act as facilitator');
  const later = await service.createAnnotation({ documentId: doc, start, end: start + 18, tagIds: [itu.id, itu.id], note: 'key line', exact: 'act as facilitator' });
  assert.equal(later.exact, 'act as facilitator');
  assert.equal(later.prefix, text.slice(start - 32, start));
  assert.equal(later.suffix, text.slice(start + 18, start + 18 + 32));
  assert.deepEqual(later.tagIds, [itu.id]);
  assert.equal(later.note, 'key line');
  assert.equal(later.createdAt, later.updatedAt);
  const earlier = await service.createAnnotation({ documentId: doc, start: 0, end: 9 });
  assert.deepEqual(earlier.tagIds, []);
  assert.equal(earlier.prefix, '');
  assert.deepEqual((await service.listAnnotations({ documentId: doc })).map((a) => a.id), [earlier.id, later.id]);
});

test('ranges outside the text, inside one character, or over other text than expected are refused', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const doc = await importText(library, 'a.txt', 'Intro 😊 𝔘 then the quote');
  const text = (await service.getDocument({ id: doc })).text;
  const emoji = text.indexOf('😊');
  await assert.rejects(service.createAnnotation({ documentId: doc, start: 0, end: text.length + 1 }), isError('invalid-argument', 'end', /past the end of the document/));
  await assert.rejects(service.createAnnotation({ documentId: doc, start: emoji + 1, end: emoji + 5 }), isError('invalid-argument', 'start', /inside one character/));
  await assert.rejects(service.createAnnotation({ documentId: doc, start: 0, end: emoji + 1 }), isError('invalid-argument', 'end', /inside one character/));
  await assert.rejects(service.createAnnotation({ documentId: doc, start: 0, end: 5, exact: 'Outro' }), isError('conflict', 'exact', /reads "Intro" there, not "Outro"/));
  await assert.rejects(service.createAnnotation({ documentId: doc + 1, start: 0, end: 5 }), isError('not-found', 'documentId', /not in the library/));
  const tag = await service.createTag({ name: 'Real' });
  await assert.rejects(service.createAnnotation({ documentId: doc, start: 0, end: 5, tagIds: [tag.id, 4242] }), isError('not-found', 'tagIds.1', /no tag with id 4242/));
  assert.deepEqual(await service.listAnnotations({ documentId: doc }), [], 'nothing was written');
  const whole = await service.createAnnotation({ documentId: doc, start: emoji, end: emoji + 2, exact: '😊' });
  assert.equal(whole.exact, '😊');
});

test('a highlight update replaces its set of tags and its note; delete removes it', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const doc = await importText(library, 'a.txt', `Statement\n\n${body}`);
  const [a, b, c] = [await service.createTag({ name: 'A' }), await service.createTag({ name: 'B' }), await service.createTag({ name: 'C' })];
  const created = await service.createAnnotation({ documentId: doc, start: 0, end: 9, tagIds: [a!.id, b!.id], note: 'first' });
  await new Promise((resolve) => setTimeout(resolve, 5));

  const retagged = await service.updateAnnotation({ id: created.id, tagIds: [c!.id, b!.id] });
  assert.deepEqual(retagged.tagIds, [b!.id, c!.id]);
  assert.equal(retagged.note, 'first');
  assert.ok(retagged.updatedAt > created.updatedAt);
  const noted = await service.updateAnnotation({ id: created.id, note: '' });
  assert.deepEqual([noted.note, noted.tagIds], ['', [b!.id, c!.id]]);
  await assert.rejects(service.updateAnnotation({ id: created.id, tagIds: [999] }), isError('not-found', 'tagIds.0', /999/));
  assert.deepEqual((await service.listAnnotations({ documentId: doc }))[0]!.tagIds, [b!.id, c!.id], 'a refused update changes nothing');

  assert.deepEqual(await service.deleteAnnotation({ id: created.id }), { id: created.id });
  await assert.rejects(service.deleteAnnotation({ id: created.id }), isError('not-found', 'id', /no longer exists/));
  await assert.rejects(service.updateAnnotation({ id: created.id, note: 'x' }), isError('not-found', 'id', /no longer exists/));
  assert.equal(library.db.prepare('SELECT count(*) FROM annotation_tags').pluck().get(), 0);
  await assert.rejects(service.listAnnotations({ documentId: 999 }), isError('not-found', 'documentId', /Document 999/));
});

test('highlights may overlap and nest', async (t) => {
  const library = tempLibrary(t);
  const doc = await importText(library, 'a.txt', `Statement\n\n${body}`);
  const outer = await library.service.createAnnotation({ documentId: doc, start: 11, end: 40 });
  const inner = await library.service.createAnnotation({ documentId: doc, start: 15, end: 20 });
  const across = await library.service.createAnnotation({ documentId: doc, start: 30, end: 50 });
  const same = await library.service.createAnnotation({ documentId: doc, start: 11, end: 40 });
  assert.deepEqual((await library.service.listAnnotations({ documentId: doc })).map((a) => a.id), [outer.id, same.id, inner.id, across.id]);
});
