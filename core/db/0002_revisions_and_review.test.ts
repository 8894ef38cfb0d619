// migrations/0002_revisions_and_review.sql: a library built at version 1 and seeded with
// documents, tags and highlights is migrated; its data is intact, every highlight is on the
// text, and the new table, column, checks and indexes behave as the core relies on.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from './open.ts';
import { migrate, schemaVersion } from './migrate.ts';
import { migrationsUpTo } from '../testing/migrationsUpTo.ts';
import { tempDir } from '../testing/tempLibrary.ts';

interface Seeded {
  db: Database.Database;
  documentId: number;
  annotationId: number;
  backupPath: string | null;
}

/// A library at version 1 with one document, a tagged highlight and an untagged one, migrated to 2.
function seededAndMigrated(t: TestContext): Seeded {
  const db = openDatabase(join(tempDir(t), 'library.sqlite'));
  t.after(() => db.close());
  migrate(db, migrationsUpTo(t, 1));
  assert.equal(schemaVersion(db), 1);
  const documentId = Number(db.prepare(`INSERT INTO documents (title, source_url, published_at, imported_at, content_hash, doc_json, text)
    VALUES ('Joint statement', 'https://mfa.example/1', '2021-11-19', '2026-11-29T10:00:00Z', 'hash-1', '{"type":"doc"}', 'The ministers met in Geneva.')`).run().lastInsertRowid);
  const tagId = Number(db.prepare("INSERT INTO tags (name, color) VALUES ('Venue', '#339af0')").run().lastInsertRowid);
  const add = db.prepare(`INSERT INTO annotations (document_id, "start", "end", exact, created_at, updated_at) VALUES (?, ?, ?, ?, 'now', 'now')`);
  const annotationId = Number(add.run(documentId, 20, 26, 'Geneva').lastInsertRowid);
  add.run(documentId, 4, 13, 'ministers');
  db.prepare('INSERT INTO annotation_tags VALUES (?, ?)').run(annotationId, tagId);

  const report = migrate(db, migrationsUpTo(t, 2));
  assert.equal(report.from, 1);
  assert.equal(report.to, 2);
  return { db, documentId, annotationId, backupPath: report.backupPath };
}

const plan = (db: Database.Database, sql: string) =>
  db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((row) => (row as { detail: string }).detail).join(' | ');

test('0002 keeps every document, tag and highlight, all of them on the text', (t) => {
  const { db, documentId, annotationId, backupPath } = seededAndMigrated(t);
  assert.equal(schemaVersion(db), 2);
  assert.ok(backupPath && existsSync(backupPath), 'a library with data is backed up before the upgrade');
  assert.deepEqual(db.prepare('SELECT id, title FROM documents').all(), [{ id: documentId, title: 'Joint statement' }]);
  assert.deepEqual(db.prepare('SELECT exact, review_reason FROM annotations ORDER BY "start"').all(), [
    { exact: 'ministers', review_reason: null },
    { exact: 'Geneva', review_reason: null },
  ]);
  assert.deepEqual(db.prepare('SELECT annotation_id FROM annotation_tags').pluck().all(), [annotationId]);
  assert.deepEqual(db.prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'geneva'").pluck().all(), [documentId]);
  assert.deepEqual(db.pragma('foreign_key_check'), []);
});

test('0002 accepts only the known review reasons', (t) => {
  const { db, annotationId } = seededAndMigrated(t);
  const setReason = db.prepare('UPDATE annotations SET review_reason = ? WHERE id = ?');
  for (const reason of ['revision', 'deleted', null]) assert.doesNotThrow(() => setReason.run(reason, annotationId), String(reason));
  assert.throws(() => setReason.run('lost', annotationId), /CHECK constraint failed/);
});

test('0002 keeps earlier texts of a document, and deletes them with it', (t) => {
  const { db, documentId } = seededAndMigrated(t);
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('document_revisions');
  assert.deepEqual(columns, ['id', 'document_id', 'title', 'source', 'source_url', 'published_at', 'language', 'imported_at', 'replaced_at', 'content_hash', 'doc_json', 'text']);
  const keep = db.prepare(`INSERT INTO document_revisions (document_id, title, published_at, imported_at, replaced_at, content_hash, doc_json, text)
    VALUES (?, 'Old title', ?, 'then', 'now', 'old-hash', '{"type":"doc"}', 'Old text.')`);
  keep.run(documentId, '2021-11-18');
  assert.throws(() => keep.run(documentId, '18 November 2021'), /CHECK constraint failed/);
  assert.throws(() => keep.run(documentId + 1, null), /FOREIGN KEY constraint failed/);
  db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
  assert.equal(db.prepare('SELECT count(*) FROM document_revisions').pluck().get(), 0);
});

test('0002 indexes the duplicate, revision and review lookups', (t) => {
  const { db } = seededAndMigrated(t);
  assert.match(plan(db, "SELECT document_id FROM document_revisions WHERE content_hash = 'x'"), /document_revisions_by_content_hash/);
  assert.match(plan(db, "SELECT id FROM documents WHERE source_url = 'https://x' ORDER BY id LIMIT 1"), /documents_by_source_url/);
  assert.match(plan(db, "SELECT id FROM documents WHERE title = 'T' AND published_at = '2021-11-19' ORDER BY id LIMIT 1"), /documents_by_title_and_date/);
  assert.match(plan(db, 'SELECT id FROM annotations WHERE review_reason IS NOT NULL ORDER BY document_id, "start"'), /annotations_in_review/);
  assert.match(plan(db, 'SELECT count(*) FROM annotations WHERE document_id = 1 AND review_reason IS NOT NULL'), /annotations_in_review/);
});
