// migrations/0003_codebook_entries.sql: a library built at version 2 with a codebook and tagged
// highlights is migrated; every tag keeps what it had and gains an empty codebook entry (when
// to use it, when not to, an example), which the service then reads and writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDatabase } from './open.ts';
import { migrate, schemaVersion } from './migrate.ts';
import { createService } from '../service.ts';
import { migrationsUpTo } from '../testing/migrationsUpTo.ts';
import { tempDir } from '../testing/tempLibrary.ts';

test('0003 gives every tag an empty codebook entry and keeps the rest of the library', async (t) => {
  const db = openDatabase(join(tempDir(t), 'library.sqlite'));
  t.after(() => db.close());
  migrate(db, migrationsUpTo(t, 2));
  const documentId = Number(db.prepare(`INSERT INTO documents (title, imported_at, content_hash, doc_json, text)
    VALUES ('Joint statement', '2026-11-29T10:00:00Z', 'hash-1', '{"type":"doc"}', 'The ministers met in Geneva.')`).run().lastInsertRowid);
  const roles = Number(db.prepare("INSERT INTO tags (name, color, description, shortcut) VALUES ('Roles', '#339af0', 'Who does what', '1')").run().lastInsertRowid);
  const lead = Number(db.prepare("INSERT INTO tags (name, parent_id, color, position) VALUES ('Lead', ?, '#123456', 3)").run(roles).lastInsertRowid);
  const annotationId = Number(db.prepare(`INSERT INTO annotations (document_id, "start", "end", exact, created_at, updated_at)
    VALUES (?, 4, 13, 'ministers', 'now', 'now')`).run(documentId).lastInsertRowid);
  db.prepare('INSERT INTO annotation_tags VALUES (?, ?)').run(annotationId, lead);

  const report = migrate(db, migrationsUpTo(t, 3));
  assert.deepEqual([report.from, report.to, schemaVersion(db)], [2, 3, 3]);
  assert.ok(report.backupPath, 'a library with data is backed up first');
  assert.deepEqual(db.prepare('SELECT id, name, parent_id, color, description, shortcut, position, when_to_use, when_not_to_use, example FROM tags ORDER BY id').raw().all(), [
    [roles, 'Roles', null, '#339af0', 'Who does what', '1', 0, '', '', ''],
    [lead, 'Lead', roles, '#123456', '', null, 3, '', '', ''],
  ]);
  assert.deepEqual(db.prepare('SELECT * FROM annotation_tags').raw().all(), [[annotationId, lead]]);
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  assert.throws(() => db.prepare('UPDATE tags SET example = NULL WHERE id = ?').run(roles), /NOT NULL constraint failed: tags.example/);

  // The service runs on the newest schema.
  migrate(db);
  const service = createService(db);
  const updated = await service.updateTag({ id: lead, whenToUse: 'The speaker leads', example: 'Russia will chair the group' });
  assert.deepEqual([updated.whenToUse, updated.whenNotToUse, updated.example, updated.position], ['The speaker leads', '', 'Russia will chair the group', 3]);
});
