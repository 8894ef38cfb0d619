import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ExcerptError } from '../../common/errors.ts';
import type { Library } from '../library.ts';
import { openLibrary } from '../library.ts';
import { defaultMigrationsDir, migrate, readMigrations, schemaVersion } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { migrationsUpTo } from '../testing/migrationsUpTo.ts';
import { tempDir, tempLibrary, textFile } from '../testing/tempLibrary.ts';
import { listBackups } from './backupFiles.ts';

/// What the analyst would see of a library: its documents' titles and its codebook.
async function contents(library: Library) {
  const documents = (await library.service.listDocuments({})).map((d) => d.title).sort();
  const tags = (await library.service.listTags({})).map((tag) => tag.name).sort();
  return { documents, tags };
}

async function libraryWithOneRelease(t: TestContext): Promise<Library> {
  const library = tempLibrary(t);
  await library.service.importFiles({ files: [textFile('a.txt', 'Joint statement\n\nThe ministers met in Geneva.')] });
  await library.service.createTag({ name: 'Kept' });
  return library;
}

test('restoring a backup brings the library back as it was, keeps a copy of it first, and tells the windows', async (t) => {
  const library = await libraryWithOneRelease(t);
  const { service } = library;
  const backup = await service.backUpNow({});
  await service.importFiles({ files: [textFile('b.txt', 'Later statement\n\nAdded after the backup.')] });
  await service.deleteTag({ id: (await service.listTags({}))[0]!.id });
  await service.createTag({ name: 'Later' });
  const heard: string[] = [];
  service.on('libraryChanged', ({ reason }) => heard.push(reason));
  const before = library.db;

  const restored = await service.restoreBackup({ file: backup.file });
  assert.equal(restored.restoredFrom, backup.path);
  assert.equal(restored.safetyCopy.reason, 'before-restore');
  assert.deepEqual(await contents(library), { documents: ['Joint statement'], tags: ['Kept'] });
  assert.deepEqual(heard, ['restore']);
  assert.equal(before.open, false);
  assert.notEqual(library.db, before);
  assert.equal(library.db.pragma('journal_mode', { simple: true }), 'wal');

  // The service goes on writing to the restored library, and the copy kept holds what was replaced.
  await service.createTag({ name: 'After the restore' });
  const reopened = openLibrary(library.path);
  t.after(() => reopened.close());
  assert.deepEqual((await contents(reopened)).tags, ['After the restore', 'Kept']);
  const copy = openLibrary(join(tempDir(t), 'copy.sqlite'));
  t.after(() => copy.close());
  await copy.service.restoreBackup({ file: restored.safetyCopy.path });
  assert.deepEqual(await contents(copy), { documents: ['Joint statement', 'Later statement'], tags: ['Later'] });
  // Nothing half-way is left beside the library.
  assert.deepEqual(readdirSync(join(library.path, '..')).filter((f) => f.startsWith('.')), []);
});

test('a damaged file, a file that is not a library, or one that is not there is refused, and the library stays as it was', async (t) => {
  const library = await libraryWithOneRelease(t);
  await library.service.importFiles({ files: [textFile('long.txt', `Long statement\n\n${'A paragraph on the working group. '.repeat(5000)}`)] });
  const dir = tempDir(t);
  const damaged = (await library.service.backUpNow({})).path;
  const bytes = readFileSync(damaged);
  // Four pages in the middle of the file overwritten, as a failing disk might.
  bytes.fill(0x55, 4096 * 10, 4096 * 14);
  writeFileSync(damaged, bytes);
  const text = join(dir, 'notes.sqlite');
  writeFileSync(text, 'Minutes of the meeting. '.repeat(100));
  const empty = join(dir, 'empty.sqlite');
  writeFileSync(empty, '');
  const other = join(dir, 'other.sqlite');
  const otherDb = new Database(other);
  otherDb.exec('CREATE TABLE contacts (name TEXT)');
  otherDb.close();
  const before = { db: library.db, contents: await contents(library), backups: listBackups(library.path) };

  const cases: [string, string, RegExp][] = [
    [damaged, 'unsupported', /cannot be restored: it is damaged: it fails SQLite's integrity check \(.+\)\. The library was left as it was; choose another backup\./],
    [text, 'unsupported', /notes\.sqlite cannot be restored: it is not a library Excerpt can read \(file is not a database\)\. The library was left as it was/],
    [other, 'unsupported', /other\.sqlite cannot be restored: it is not an Excerpt library \(it has no documents, tags, annotations, annotation_tags tables\)/],
    [empty, 'unsupported', /empty\.sqlite cannot be restored: it is not an Excerpt library \(it has no documents/],
    [join(dir, 'missing.sqlite'), 'not-found', /There is no backup at .*missing\.sqlite\. Choose one of the library's backups/],
    [dir, 'not-found', /There is no backup at/],
    [library.path, 'invalid-argument', /is the library itself; choose one of its backups/],
  ];
  for (const [file, code, message] of cases) {
    await assert.rejects(library.service.restoreBackup({ file }), (error: unknown) => {
      assert.ok(error instanceof ExcerptError);
      assert.equal(error.code, code, error.message);
      assert.match(error.message, message);
      return true;
    });
    assert.equal(library.db, before.db, 'the same connection is still open');
    assert.deepEqual(await contents(library), before.contents);
    assert.deepEqual(listBackups(library.path), before.backups, 'no copy was taken');
  }
  assert.deepEqual(readdirSync(join(library.path, '..')).filter((f) => f.startsWith('.')), []);
});

test('an older backup is brought up to date as it is restored', async (t) => {
  const old = join(tempDir(t), 'old.sqlite');
  const db = openDatabase(old);
  migrate(db, migrationsUpTo(t, 4));
  db.prepare(`INSERT INTO documents (title, imported_at, content_hash, doc_json, text)
    VALUES ('Statement of 2024', '2024-05-01T10:00:00Z', 'hash', '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Kept."}]}]}', 'Kept.')`).run();
  db.close();

  const library = await libraryWithOneRelease(t);
  await library.service.restoreBackup({ file: old });
  assert.equal(schemaVersion(library.db), readMigrations(defaultMigrationsDir()).length);
  assert.deepEqual(await contents(library), { documents: ['Statement of 2024'], tags: [] });
  assert.deepEqual(listBackups(library.path).map((b) => b.reason), ['before-upgrade', 'before-restore']);
});

test('a library a newer Excerpt wrote cannot be opened, so the library is put back as it was', async (t) => {
  const library = await libraryWithOneRelease(t);
  const newer = (await library.service.backUpNow({})).path;
  const db = new Database(newer);
  db.pragma('user_version = 99');
  db.close();
  await library.service.importFiles({ files: [textFile('b.txt', 'Later statement\n\nAfter the backup.')] });
  const before = await contents(library);

  await assert.rejects(library.service.restoreBackup({ file: newer }),
    /could not be opened as the library: This library .* was written by a newer Excerpt \(schema version 99; .*\)\. .* The library was put back as it was\.$/);
  assert.deepEqual(await contents(library), before);
  await library.service.createTag({ name: 'Still writable' });
});

test('while another program has the library open, it is not replaced', async (t) => {
  const library = await libraryWithOneRelease(t);
  const backup = await library.service.backUpNow({});
  await library.service.createTag({ name: 'After the backup' });
  const other = openLibrary(library.path);
  t.after(() => other.close());

  await assert.rejects(library.service.restoreBackup({ file: backup.file }), (error: unknown) => {
    assert.ok(error instanceof ExcerptError);
    assert.equal(error.code, 'conflict');
    assert.match(error.message, /^Another program has the library open .* Close it, then restore again\. The library was left as it was \(a copy of it was kept too: library-\d{8}-\d{6}(-\d+)?-before-restore\.sqlite\)\.$/);
    return true;
  });
  assert.deepEqual((await contents(library)).tags, ['After the backup', 'Kept']);
  assert.deepEqual((await contents(other)).tags, ['After the backup', 'Kept']);
});

test('a library file still holding commits in its write-ahead log is restored whole', async (t) => {
  const source = openLibrary(join(tempDir(t), 'elsewhere.sqlite'));
  t.after(() => source.close());
  await source.service.importFiles({ files: [textFile('w.txt', 'Only in the log\n\nNot yet checkpointed.')] });
  assert.ok(readFileSync(`${source.path}-wal`).length > 0);

  const library = await libraryWithOneRelease(t);
  await library.service.restoreBackup({ file: source.path });
  assert.deepEqual((await contents(library)).documents, ['Only in the log']);
});
