import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from './open.ts';
import { tempDir } from '../testing/tempLibrary.ts';

test('openDatabase creates the folder and the file and sets the pragmas every connection needs', (t) => {
  const path = join(tempDir(t), 'nested', 'deeper', 'library.sqlite');
  const db = openDatabase(path);
  t.after(() => db.close());
  assert.ok(existsSync(path));
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
  assert.equal(db.pragma('synchronous', { simple: true }), 1); // NORMAL
});

test('openDatabase reopens an existing file with its contents', (t) => {
  const path = join(tempDir(t), 'library.sqlite');
  const first = openDatabase(path);
  first.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept')");
  first.close();
  const again = openDatabase(path);
  t.after(() => again.close());
  assert.equal(again.prepare('SELECT text FROM notes').pluck().get(), 'kept');
});
