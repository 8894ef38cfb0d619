import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import type { Library } from '../library.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';
import { TAG_PALETTE } from './codebook.ts';

const isError = (code: string, field: string, message: RegExp) => (e: unknown) =>
  e instanceof ExcerptError && e.code === code && e.field === field && message.test(e.message);

test('new tags take palette colours in turn and go after their last sibling', async (t) => {
  const { service } = tempLibrary(t);
  const roles = await service.createTag({ name: '  Roles  ', description: 'Who does what' });
  assert.deepEqual(roles, {
    id: roles.id, name: 'Roles', parentId: null, color: TAG_PALETTE[0], description: 'Who does what', whenToUse: '', whenNotToUse: '', example: '', shortcut: null, position: 0,
  });
  const itu = await service.createTag({ name: 'ITU role', parentId: roles.id, shortcut: '1' });
  const secretariat = await service.createTag({ name: 'Secretariat', parentId: roles.id, color: '#123456' });
  const conventions = await service.createTag({ name: 'Conventions' });
  assert.equal(itu.color, TAG_PALETTE[1]);
  assert.equal(secretariat.color, '#123456');
  assert.deepEqual([itu.position, secretariat.position, conventions.position], [0, 1, 1]);
  // listed depth-first: each tag followed by its sub-tags
  assert.deepEqual((await service.listTags({})).map((tag) => tag.name), ['Roles', 'ITU role', 'Secretariat', 'Conventions']);
});

test('a sibling with the same name, in any case, is a conflict; another parent is fine', async (t) => {
  const { service } = tempLibrary(t);
  const roles = await service.createTag({ name: 'Roles' });
  await service.createTag({ name: 'Lead', parentId: roles.id });
  await assert.rejects(service.createTag({ name: 'roles' }), isError('conflict', 'name', /A tag called "Roles" already exists at the top of the codebook/));
  await assert.rejects(service.createTag({ name: 'LEAD', parentId: roles.id }), isError('conflict', 'name', /already exists under "Roles"/));
  await service.createTag({ name: 'Lead' });
  await assert.rejects(service.createTag({ name: 'X', parentId: 999 }), isError('not-found', 'parentId', /no tag with id 999/));
  assert.equal((await service.listTags({})).length, 3);
});

test('a shortcut belongs to one tag; the conflict names the tag that has it', async (t) => {
  const { service } = tempLibrary(t);
  const itu = await service.createTag({ name: 'ITU role', shortcut: 'i' });
  const other = await service.createTag({ name: 'Other' });
  await assert.rejects(service.createTag({ name: 'Third', shortcut: 'i' }), isError('conflict', 'shortcut', /"i" already belongs to the tag "ITU role"/));
  await assert.rejects(service.updateTag({ id: other.id, shortcut: 'i' }), isError('conflict', 'shortcut', /"ITU role"/));
  assert.equal((await service.updateTag({ id: itu.id, shortcut: 'i' })).shortcut, 'i', 'keeping its own shortcut is fine');
  await service.updateTag({ id: itu.id, shortcut: null });
  assert.equal((await service.updateTag({ id: other.id, shortcut: 'i' })).shortcut, 'i');
});

test('a tag is renamed, recoloured, described and moved; moving under itself is refused', async (t) => {
  const { service } = tempLibrary(t);
  const roles = await service.createTag({ name: 'Roles' });
  const lead = await service.createTag({ name: 'Lead', parentId: roles.id });
  const deputy = await service.createTag({ name: 'Deputy', parentId: lead.id });
  const actors = await service.createTag({ name: 'Actors' });
  await service.createTag({ name: 'Lead', parentId: actors.id });

  const renamed = await service.updateTag({ id: lead.id, name: 'Leading role', color: '#abcdef', description: 'chairs' });
  assert.deepEqual({ ...renamed, id: 0 }, {
    id: 0, name: 'Leading role', parentId: roles.id, color: '#abcdef', description: 'chairs', whenToUse: '', whenNotToUse: '', example: '', shortcut: null, position: 0,
  });
  await assert.rejects(service.updateTag({ id: roles.id, parentId: deputy.id }), isError('conflict', 'parentId', /"Roles" cannot go under "Deputy"/));
  await assert.rejects(service.updateTag({ id: roles.id, parentId: roles.id }), isError('conflict', 'parentId', /cannot go under "Roles"/));
  await assert.rejects(service.updateTag({ id: lead.id, parentId: actors.id, name: 'lead' }), isError('conflict', 'name', /under "Actors"/));
  await assert.rejects(service.updateTag({ id: 999, name: 'x' }), isError('not-found', 'id', /999/));

  const moved = await service.updateTag({ id: lead.id, parentId: actors.id });
  assert.equal(moved.parentId, actors.id);
  assert.equal(moved.position, 1, 'after the last sibling of its new parent');
  const top = await service.updateTag({ id: deputy.id, parentId: null });
  assert.deepEqual([top.parentId, top.position], [null, 2]);
  assert.deepEqual((await service.listTags({})).map((tag) => tag.name), ['Roles', 'Actors', 'Lead', 'Leading role', 'Deputy']);
});

test('setting a position reorders the siblings', async (t) => {
  const { service } = tempLibrary(t);
  const [a, b, c] = [await service.createTag({ name: 'A' }), await service.createTag({ name: 'B' }), await service.createTag({ name: 'C' })];
  await service.updateTag({ id: c!.id, position: 0 });
  assert.deepEqual((await service.listTags({})).map((tag) => [tag.name, tag.position]), [['C', 0], ['A', 1], ['B', 2]]);
  await service.updateTag({ id: c!.id, position: 99 });
  assert.deepEqual((await service.listTags({})).map((tag) => [tag.name, tag.position]), [['A', 0], ['B', 1], ['C', 2]]);
  assert.ok(a && b);
});

test('deleting a tag deletes its sub-tags; highlights stay and only lose those tags', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const doc = await importText(library, 'a.txt', 'Statement\n\nThe Union will act as facilitator.');
  const roles = await service.createTag({ name: 'Roles' });
  const lead = await service.createTag({ name: 'Lead', parentId: roles.id });
  const keep = await service.createTag({ name: 'Keep' });
  const both = await service.createAnnotation({ documentId: doc, start: 11, end: 20, tagIds: [roles.id, lead.id, keep.id] });
  const onlyChild = await service.createAnnotation({ documentId: doc, start: 21, end: 30, tagIds: [lead.id] });
  await service.createAnnotation({ documentId: doc, start: 0, end: 9, tagIds: [keep.id] });

  assert.deepEqual(await service.deleteTag({ id: roles.id }), { id: roles.id, annotationsAffected: 2 });
  assert.deepEqual((await service.listTags({})).map((tag) => tag.name), ['Keep']);
  const annotations = await service.listAnnotations({ documentId: doc });
  assert.equal(annotations.length, 3);
  assert.deepEqual(annotations.find((a) => a.id === both.id)!.tagIds, [keep.id]);
  assert.deepEqual(annotations.find((a) => a.id === onlyChild.id)!.tagIds, []);
  await assert.rejects(service.deleteTag({ id: roles.id }), isError('not-found', 'id', /no tag with id/));
});

test('a codebook entry says when to use a tag, when not to, and gives an example; each is kept and changed alone', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const itu = await service.createTag({
    name: 'ITU role', description: 'The part of the ITU', whenToUse: 'A call to give the ITU a larger part', whenNotToUse: 'The ITU named as a venue', example: 'an enhanced role for the ITU',
  });
  assert.deepEqual([itu.whenToUse, itu.whenNotToUse, itu.example], ['A call to give the ITU a larger part', 'The ITU named as a venue', 'an enhanced role for the ITU']);
  const changed = await service.updateTag({ id: itu.id, whenNotToUse: '' });
  assert.deepEqual([changed.description, changed.whenToUse, changed.whenNotToUse, changed.example], ['The part of the ITU', 'A call to give the ITU a larger part', '', 'an enhanced role for the ITU']);
  assert.deepEqual((await service.listTags({}))[0], changed);
  assert.deepEqual(library.db.prepare('SELECT when_to_use, when_not_to_use, example FROM tags').raw().get(), ['A call to give the ITU a larger part', '', 'an enhanced role for the ITU']);
});

/// A document of three sentences (`at(quote)` finds one) and a highlighter for it.
async function threeSentences(library: Library, name = 'a.txt') {
  const id = await importText(library, name, `Statement ${name}\n\nThe Union will act as facilitator. The ministers met in Geneva. They agreed on a convention.`);
  const { text } = await library.service.getDocument({ id });
  const highlight = async (quote: string, tagIds: number[]) => {
    const start = text.indexOf(quote);
    assert.ok(start >= 0, quote);
    return (await library.service.createAnnotation({ documentId: id, start, end: start + quote.length, tagIds })).id;
  };
  return { id, highlight };
}

/// Sends highlight `id` to its document's review list, as an edit deleting its text does.
const sendToReview = (library: Library, id: number) =>
  library.db.prepare("UPDATE annotations SET review_reason = 'deleted' WHERE id = ?").run(id);

test('tag uses count placed highlights in the document and the library; with sub-tags, each highlight once', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const roles = await service.createTag({ name: 'Roles' });
  const lead = await service.createTag({ name: 'Lead', parentId: roles.id });
  const chair = await service.createTag({ name: 'Chair', parentId: lead.id });
  const venue = await service.createTag({ name: 'Venue' });
  const unused = await service.createTag({ name: 'Unused', parentId: roles.id });
  const a = await threeSentences(library, 'a.txt');
  const b = await threeSentences(library, 'b.txt');
  // In a: one highlight carries Roles, Lead and Chair; another Chair alone; one Venue.
  await a.highlight('The Union will act as facilitator.', [roles.id, lead.id, chair.id]);
  await a.highlight('act as facilitator', [chair.id]);
  await a.highlight('in Geneva', [venue.id]);
  // In b: Lead once placed, and a Roles highlight waiting in the review list (not counted).
  await b.highlight('The ministers met', [lead.id]);
  sendToReview(library, await b.highlight('They agreed', [roles.id, venue.id]));

  const uses = await service.countTagUses({ documentId: a.id });
  assert.deepEqual(uses.map((use) => use.tagId), (await service.listTags({})).map((tag) => tag.id), 'one entry per tag, in codebook order');
  const byTag = new Map(uses.map((use) => [use.tagId, [use.inDocument, use.inLibrary, use.inLibraryWithSubtags]]));
  assert.deepEqual(byTag.get(roles.id), [1, 1, 3]);
  assert.deepEqual(byTag.get(lead.id), [1, 2, 3]);
  assert.deepEqual(byTag.get(chair.id), [2, 2, 2]);
  assert.deepEqual(byTag.get(unused.id), [0, 0, 0]);
  assert.deepEqual(byTag.get(venue.id), [1, 1, 1]);

  const inB = new Map((await service.countTagUses({ documentId: b.id })).map((use) => [use.tagId, use.inDocument]));
  assert.deepEqual([inB.get(roles.id), inB.get(lead.id), inB.get(chair.id), inB.get(venue.id)], [0, 1, 0, 0]);
  assert.ok((await service.countTagUses({})).every((use) => use.inDocument === 0), 'no document, no document counts');
  await assert.rejects(service.countTagUses({ documentId: 999 }), isError('not-found', 'documentId', /Document 999 is not in the library/));
});

test('merging a tag moves its highlights, placed and in review, to the other tag once, and removes it', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const itu = await service.createTag({ name: 'ITU role', shortcut: '1' });
  const union = await service.createTag({ name: 'Telecommunication Union' });
  const other = await service.createTag({ name: 'Other' });
  const doc = await threeSentences(library);
  const onlyFrom = await doc.highlight('The Union will act', [union.id, other.id]);
  const both = await doc.highlight('act as facilitator', [union.id, itu.id]);
  const inReview = await doc.highlight('They agreed', [union.id]);
  sendToReview(library, inReview);
  const untouched = await doc.highlight('in Geneva', [other.id]);
  const changes: unknown[] = [];
  service.on('libraryChanged', (event) => changes.push(event));
  await new Promise((resolve) => setTimeout(resolve, 5));

  const merged = await service.mergeTags({ fromId: union.id, intoId: itu.id });
  assert.deepEqual(merged, { tag: itu, annotationsMoved: 3 });
  assert.deepEqual(changes, [{ reason: 'update' }]);
  assert.deepEqual((await service.listTags({})).map((tag) => tag.name), ['ITU role', 'Other']);
  const tagsOf = (id: number) => library.db.prepare('SELECT tag_id FROM annotation_tags WHERE annotation_id = ? ORDER BY tag_id').pluck().all(id);
  assert.deepEqual(tagsOf(onlyFrom), [itu.id, other.id]);
  assert.deepEqual(tagsOf(both), [itu.id], 'a highlight that had both tags carries the one left, once');
  assert.deepEqual(tagsOf(inReview), [itu.id]);
  assert.deepEqual(tagsOf(untouched), [other.id]);
  const [review] = await service.listReviewItems({ documentId: doc.id });
  assert.deepEqual([review!.id, review!.tagIds], [inReview, [itu.id]], 'the highlight in review stays there, with the tag');
  const placed = await service.listAnnotations({ documentId: doc.id });
  assert.ok(placed.find((a) => a.id === onlyFrom)!.updatedAt > placed.find((a) => a.id === untouched)!.updatedAt, 'moved highlights are marked updated');
  await assert.rejects(service.mergeTags({ fromId: union.id, intoId: itu.id }), isError('not-found', 'fromId', /no tag with id/));
  await assert.rejects(service.mergeTags({ fromId: other.id, intoId: 999 }), isError('not-found', 'intoId', /no tag with id 999/));
  await assert.rejects(service.mergeTags({ fromId: other.id, intoId: other.id }), isError('invalid-argument', 'intoId', /cannot be merged into itself/));
});

test('merging moves the sub-tags under the other tag, after its own, and hands over a shortcut it lacks', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const actors = await service.createTag({ name: 'Actors' });
  await service.createTag({ name: 'States', parentId: actors.id });
  const people = await service.createTag({ name: 'People', shortcut: '7' });
  const ministers = await service.createTag({ name: 'Ministers', parentId: people.id });
  const deputies = await service.createTag({ name: 'Deputies', parentId: ministers.id });
  const envoys = await service.createTag({ name: 'Envoys', parentId: people.id });

  const { tag } = await service.mergeTags({ fromId: people.id, intoId: actors.id });
  assert.equal(tag.shortcut, '7', 'the tag merged into takes the shortcut it had none of');
  assert.deepEqual((await service.listTags({})).map((t) => [t.name, t.parentId, t.position]), [
    ['Actors', null, 0], ['States', actors.id, 0], ['Ministers', actors.id, 1], ['Deputies', ministers.id, 0], ['Envoys', actors.id, 2],
  ]);
  assert.equal((await service.listTags({})).find((t) => t.id === deputies.id)?.parentId, ministers.id, 'grandchildren stay with their parent');

  const keeps = await service.createTag({ name: 'Keeps', shortcut: '8' });
  const gives = await service.createTag({ name: 'Gives', shortcut: '9' });
  assert.equal((await service.mergeTags({ fromId: gives.id, intoId: keeps.id })).tag.shortcut, '8', 'a tag keeps its own shortcut');
  assert.equal((await service.createTag({ name: 'Later', shortcut: '9' })).shortcut, '9', 'the merged tag\'s shortcut is free again');
  assert.ok(envoys);
});

test('a tag merges into its parent even when a sub-tag of it has its own name', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const roles = await service.createTag({ name: 'Roles' });
  const lead = await service.createTag({ name: 'Lead', parentId: roles.id });
  const leadLead = await service.createTag({ name: 'Lead', parentId: lead.id });
  await service.mergeTags({ fromId: lead.id, intoId: roles.id });
  assert.deepEqual((await service.listTags({})).map((t) => [t.id, t.name, t.parentId]), [[roles.id, 'Roles', null], [leadLead.id, 'Lead', roles.id]]);
});

test('a merge that would give a tag two sub-tags of one name, or put a tag under itself, is refused and changes nothing', async (t) => {
  const library = tempLibrary(t);
  const { service, db } = library;
  const roles = await service.createTag({ name: 'Roles' });
  await service.createTag({ name: 'Lead', parentId: roles.id });
  const actors = await service.createTag({ name: 'Actors', shortcut: '4' });
  await service.createTag({ name: 'Other', parentId: actors.id });
  const actorsLead = await service.createTag({ name: 'LEAD', parentId: actors.id });
  const doc = await threeSentences(library);
  await doc.highlight('in Geneva', [actors.id]);
  const snapshot = () => db.prepare('SELECT * FROM tags ORDER BY id').all().concat(db.prepare('SELECT * FROM annotation_tags').all());
  const before = snapshot();
  const changes: unknown[] = [];
  service.on('libraryChanged', (event) => changes.push(event));

  await assert.rejects(service.mergeTags({ fromId: actors.id, intoId: roles.id }),
    isError('conflict', 'fromId', /"Actors" cannot be merged into "Roles": both have a sub-tag called "Lead"\. Rename one of the two "Lead" tags, or merge one into the other, then merge again/));
  await assert.rejects(service.mergeTags({ fromId: actors.id, intoId: actorsLead.id }),
    isError('conflict', 'intoId', /"Actors" cannot be merged into "LEAD", which is one of its own sub-tags\. Move "LEAD" out from under "Actors" first/));
  assert.deepEqual(snapshot(), before);
  assert.deepEqual(changes, []);
});
