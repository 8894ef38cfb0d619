import { test } from 'node:test';
import assert from 'node:assert/strict';
import { methodNames } from '../common/api.ts';
import { ExcerptError } from '../common/errors.ts';
import { importText, tempLibrary } from './testing/tempLibrary.ts';

test('the service implements every method of the contract, plus on()', (t) => {
  const { service } = tempLibrary(t);
  for (const method of methodNames) assert.equal(typeof service[method], 'function', method);
  assert.equal(typeof service.on, 'function');
});

test('invalid arguments give an ExcerptError naming the field, and write nothing', async (t) => {
  const library = tempLibrary(t);
  const { service, db } = library;
  const doc = await importText(library, 'a.txt', 'Statement\n\nSome text.');
  const tag = await service.createTag({ name: 'Existing' });
  const counts = () => db.prepare('SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM tags), (SELECT count(*) FROM annotations)').raw().get();
  const before = counts();
  const changes: unknown[] = [];
  service.on('libraryChanged', (event) => changes.push(event));

  const cases: [string, () => Promise<unknown>][] = [
    ['name', () => service.createTag({ name: '   ' })],
    ['color', () => service.createTag({ name: 'Red', color: 'red' })],
    ['shortcut', () => service.updateTag({ id: tag.id, shortcut: 'AB' })],
    ['parentId', () => service.createTag({ name: 'Child', parentId: 0 })],
    ['end', () => service.createAnnotation({ documentId: doc, start: 5, end: 5 })],
    ['start', () => service.createAnnotation({ documentId: doc, start: -1, end: 5 })],
    ['documentId', () => service.createAnnotation({ documentId: 'one' as unknown as number, start: 0, end: 5 })],
    ['tagIds.0', () => service.updateAnnotation({ id: 1, tagIds: [1.5] })],
    ['files', () => service.importFiles({ files: [] })],
    ['files.0.bytes', () => service.importFiles({ files: [{ name: 'a.txt', bytes: 'not base64!' }] })],
    ['files.0.name', () => service.importFiles({ files: [{ name: '', bytes: '' }] })],
    ['format', () => service.exportExcerpts({ format: 'xml' as 'csv' })],
    ['filter.documentIds.0', () => service.exportExcerpts({ format: 'csv', filter: { documentIds: [-3] } })],
    ['id', () => service.getDocument({ id: -1 })],
    ['id', () => service.deleteTag({} as { id: number })],
    ['query', () => service.searchDocuments({ query: '   ' })],
  ];
  for (const [field, call] of cases) {
    await assert.rejects(call(), (e: unknown) => {
      assert.ok(e instanceof ExcerptError, field);
      assert.equal(e.code, 'invalid-argument', field);
      assert.equal(e.field, field);
      assert.match(e.message, new RegExp(`"${field.replaceAll('.', '\\.')}" is not valid`));
      return true;
    });
  }
  assert.deepEqual(counts(), before);
  assert.deepEqual(changes, []);
});

test('missing arguments count as an empty object', async (t) => {
  const { service } = tempLibrary(t);
  assert.deepEqual(await service.listDocuments(undefined as unknown as Record<string, never>), []);
  assert.deepEqual(await service.listTags(null as unknown as Record<string, never>), []);
});

test('listeners hear the events they subscribed to until they unsubscribe; a failing one harms nothing', async (t) => {
  const { service } = tempLibrary(t);
  const heard: string[] = [];
  const stop = service.on('libraryChanged', ({ reason }) => heard.push(reason));
  const failing = service.on('libraryChanged', () => {
    throw new Error('a closed window');
  });
  const originalError = console.error;
  console.error = () => {};
  t.after(() => {
    console.error = originalError;
  });
  const tag = await service.createTag({ name: 'A' });
  await service.updateTag({ id: tag.id, name: 'B' });
  await service.deleteTag({ id: tag.id });
  stop();
  failing();
  await service.createTag({ name: 'C' });
  assert.deepEqual(heard, ['update', 'update', 'delete']);
});

test('an unforeseen failure is an internal ExcerptError, and its transaction is rolled back', async (t) => {
  const library = tempLibrary(t);
  const { service, db } = library;
  const doc = await importText(library, 'a.txt', 'Statement\n\nSome text.');
  db.exec(`CREATE TEMP TRIGGER refuse AFTER INSERT ON main.annotation_tags BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`);
  const tag = await service.createTag({ name: 'A' });
  await assert.rejects(service.createAnnotation({ documentId: doc, start: 0, end: 9, tagIds: [tag.id] }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'internal' && /could not complete createAnnotation: the disk is full/.test(e.message));
  assert.deepEqual(await service.listAnnotations({ documentId: doc }), [], 'the highlight row was rolled back with its tags');
});
