import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary } from './library.ts';
import { readMigrations, defaultMigrationsDir, schemaVersion } from './db/migrate.ts';
import { tempDir, textFile } from './testing/tempLibrary.ts';
import { listBackups } from './backup/backupFiles.ts';

test('openLibrary creates the folder and the file, migrates it and serves it', async (t) => {
  const path = join(tempDir(t), 'new folder', 'library.sqlite');
  const library = openLibrary(path);
  t.after(() => library.close());
  assert.equal(library.path, path);
  assert.ok(existsSync(path));
  assert.equal(schemaVersion(library.db), readMigrations(defaultMigrationsDir()).length);
  assert.equal(library.db.pragma('journal_mode', { simple: true }), 'wal');
  assert.deepEqual(await library.service.listDocuments({}), []);
});

test('a library opened again holds what was stored, without a backup for an up-to-date file', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'library.sqlite');
  const first = openLibrary(path);
  await first.service.importFiles({ files: [textFile('note.txt', 'A note\n\nWith a body.')] });
  first.close();
  first.close(); // closing twice is harmless

  const again = openLibrary(path);
  t.after(() => again.close());
  assert.deepEqual((await again.service.listDocuments({})).map((d) => d.title), ['A note']);
  assert.deepEqual(listBackups(path), []);
});

test('a library that cannot be migrated is closed and the error says why', (t) => {
  const dir = tempDir(t);
  assert.throws(() => openLibrary(join(dir, 'library.sqlite'), { migrationsDir: join(dir, 'no such folder') }), /ENOENT/);
});
