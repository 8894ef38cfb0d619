import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';
import { TAG_PALETTE } from './codebook.ts';

const isError = (code: string, field: string, message: RegExp) => (e: unknown) =>
  e instanceof ExcerptError && e.code === code && e.field === field && message.test(e.message);

test('new tags take palette colours in turn and go after their last sibling', async (t) => {
  const { service } = tempLibrary(t);
  const roles = await service.createTag({ name: '  Roles  ', description: 'Who does what' });
  assert.deepEqual(roles, { id: roles.id, name: 'Roles', parentId: null, color: TAG_PALETTE[0], description: 'Who does what', shortcut: null, position: 0 });
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
  assert.deepEqual({ ...renamed, id: 0 }, { id: 0, name: 'Leading role', parentId: roles.id, color: '#abcdef', description: 'chairs', shortcut: null, position: 0 });
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
