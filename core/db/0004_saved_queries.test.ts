// migrations/0004_saved_queries.sql: a library at version 3 gains an empty table of saved
// queries, whose names are unique ignoring case and whose filters must be JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDatabase } from './open.ts';
import { migrate, schemaVersion } from './migrate.ts';
import { migrationsUpTo } from '../testing/migrationsUpTo.ts';
import { tempDir } from '../testing/tempLibrary.ts';

test('0004 adds saved queries and keeps the rest of the library', (t) => {
  const db = openDatabase(join(tempDir(t), 'library.sqlite'));
  t.after(() => db.close());
  migrate(db, migrationsUpTo(t, 3));
  db.prepare("INSERT INTO tags (name, color) VALUES ('Roles', '#339af0')").run();
  const report = migrate(db, migrationsUpTo(t, 4));
  assert.deepEqual([report.from, report.to, schemaVersion(db)], [3, 4, 4]);
  assert.deepEqual(db.prepare('SELECT name FROM tags').pluck().all(), ['Roles']);
  assert.deepEqual(db.prepare('SELECT * FROM saved_queries').all(), []);
  const save = db.prepare("INSERT INTO saved_queries (name, filter, saved_at) VALUES (?, ?, 'now')");
  save.run('UN process', '{"tags":["UN"]}');
  assert.throws(() => save.run('un PROCESS', '{}'), /UNIQUE constraint failed/);
  assert.throws(() => save.run('Broken', '{tags'), /CHECK constraint failed/);
  assert.throws(() => save.run('  ', '{}'), /CHECK constraint failed/);
});
