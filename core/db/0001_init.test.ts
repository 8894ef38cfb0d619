// migrations/0001_init.sql: built from an empty file (the version before), then every
// table, index, trigger and constraint the rest of the code relies on is checked.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from './open.ts';
import { migrate, schemaVersion } from './migrate.ts';
import { migrationsUpTo } from '../testing/migrationsUpTo.ts';
import { tempDir } from '../testing/tempLibrary.ts';

function atVersion1(t: TestContext): Database.Database {
  const db = openDatabase(join(tempDir(t), 'library.sqlite'));
  t.after(() => db.close());
  assert.equal(schemaVersion(db), 0);
  const report = migrate(db, migrationsUpTo(t, 1));
  assert.deepEqual(report, { from: 0, to: 1, backupPath: null });
  return db;
}

function addDocument(db: Database.Database, title: string, text: string, hash = `hash of ${title}`): number {
  return Number(db.prepare(`INSERT INTO documents (title, imported_at, content_hash, doc_json, text)
    VALUES (?, '2026-11-29T10:00:00Z', ?, '{"type":"doc"}', ?)`).run(title, hash, text).lastInsertRowid);
}

function addTag(db: Database.Database, name: string, parentId: number | null = null, shortcut: string | null = null): number {
  return Number(db.prepare("INSERT INTO tags (name, parent_id, color, shortcut) VALUES (?, ?, '#339af0', ?)").run(name, parentId, shortcut).lastInsertRowid);
}

function addAnnotation(db: Database.Database, documentId: number, start: number, end: number): number {
  return Number(db.prepare(`INSERT INTO annotations (document_id, "start", "end", exact, created_at, updated_at)
    VALUES (?, ?, ?, 'quote', 'now', 'now')`).run(documentId, start, end).lastInsertRowid);
}

const matches = (db: Database.Database, query: string) =>
  db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid').pluck().all(query);

test('0001 creates the tables, indexes and triggers of the library', (t) => {
  const db = atVersion1(t);
  assert.equal(schemaVersion(db), 1);
  const names = (type: string) => db.prepare("SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite%' ORDER BY name").pluck().all(type);
  for (const table of ['documents', 'tags', 'annotations', 'annotation_tags', 'app_state', 'documents_fts']) {
    assert.ok(names('table').includes(table), `table ${table}`);
  }
  assert.deepEqual(names('trigger'), ['documents_fts_after_delete', 'documents_fts_after_insert', 'documents_fts_after_update']);
  for (const index of ['documents_by_content_hash', 'annotations_by_document', 'annotation_tags_by_tag', 'tags_name_unique_among_siblings']) {
    assert.ok(names('index').includes(index), `index ${index}`);
  }
  const columns = (table: string) => db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table);
  assert.deepEqual(columns('documents'), ['id', 'title', 'source', 'source_url', 'published_at', 'language', 'imported_at', 'content_hash', 'doc_json', 'text']);
  assert.deepEqual(columns('annotations'), ['id', 'document_id', 'start', 'end', 'exact', 'prefix', 'suffix', 'note', 'created_at', 'updated_at']);
  assert.deepEqual(columns('tags'), ['id', 'name', 'parent_id', 'color', 'description', 'shortcut', 'position']);
  // The queries the store runs use the indexes, not a full scan.
  const plan = (sql: string) => db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((row) => (row as { detail: string }).detail).join(' | ');
  assert.match(plan("SELECT id FROM documents WHERE content_hash = 'x'"), /documents_by_content_hash/);
  assert.match(plan('SELECT * FROM annotations WHERE document_id = 1 ORDER BY "start"'), /annotations_by_document/);
  assert.match(plan('SELECT annotation_id FROM annotation_tags WHERE tag_id = 1'), /annotation_tags_by_tag/);
});

test('0001 keeps the full-text index in step on insert, update and delete', (t) => {
  const db = atVersion1(t);
  const geneva = addDocument(db, 'Joint statement from Geneva', 'The ministers welcomed the convention on information security.');
  const moscow = addDocument(db, 'Заявление министров', 'Министры поддержали роль союза в цифровом сотрудничестве.');
  assert.deepEqual(matches(db, 'convention'), [geneva]);
  assert.deepEqual(matches(db, 'title:geneva'), [geneva]);
  assert.deepEqual(matches(db, 'министры'), [moscow]);

  db.prepare('UPDATE documents SET text = ? WHERE id = ?').run('The ministers postponed the treaty.', geneva);
  assert.deepEqual(matches(db, 'convention'), []);
  assert.deepEqual(matches(db, 'treaty'), [geneva]);
  // Changing a column outside the index leaves it alone, and still consistent.
  db.prepare("UPDATE documents SET source = 'Ministry' WHERE id = ?").run(geneva);

  db.prepare('DELETE FROM documents WHERE id = ?').run(geneva);
  assert.deepEqual(matches(db, 'treaty'), []);
  assert.deepEqual(matches(db, 'ministers'), []);
  assert.deepEqual(matches(db, 'министры'), [moscow]);
  assert.doesNotThrow(() => db.exec("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)"));
});

test('0001 searches without regard to case or diacritics', (t) => {
  const db = atVersion1(t);
  const id = addDocument(db, 'Statement', 'Putin and Müller met in Zürich; the Café served crème brûlée.');
  for (const query of ['pütin', 'PUTIN', 'muller', 'zurich', 'cafe', 'creme', 'brulee']) assert.deepEqual(matches(db, query), [id], query);
});

test('0001 deletes a document with its highlights, and a highlight with its tag links', (t) => {
  const db = atVersion1(t);
  const doc = addDocument(db, 'A', 'Some text to highlight.');
  const tag = addTag(db, 'ITU role');
  const annotation = addAnnotation(db, doc, 0, 4);
  db.prepare('INSERT INTO annotation_tags VALUES (?, ?)').run(annotation, tag);
  db.prepare('DELETE FROM documents WHERE id = ?').run(doc);
  assert.equal(db.prepare('SELECT count(*) FROM annotations').pluck().get(), 0);
  assert.equal(db.prepare('SELECT count(*) FROM annotation_tags').pluck().get(), 0);
  assert.equal(db.prepare('SELECT count(*) FROM tags').pluck().get(), 1, 'the tag stays in the codebook');
});

test('0001 deletes a tag with its sub-tags and their links; the highlights stay', (t) => {
  const db = atVersion1(t);
  const doc = addDocument(db, 'A', 'Some text to highlight.');
  const parent = addTag(db, 'Roles');
  const child = addTag(db, 'ITU role', parent);
  const grandchild = addTag(db, 'Secretariat', child);
  const other = addTag(db, 'Conventions');
  const annotation = addAnnotation(db, doc, 0, 4);
  for (const tag of [grandchild, other]) db.prepare('INSERT INTO annotation_tags VALUES (?, ?)').run(annotation, tag);
  db.prepare('DELETE FROM tags WHERE id = ?').run(parent);
  assert.deepEqual(db.prepare('SELECT id FROM tags').pluck().all(), [other]);
  assert.deepEqual(db.prepare('SELECT tag_id FROM annotation_tags').pluck().all(), [other]);
  assert.equal(db.prepare('SELECT count(*) FROM annotations').pluck().get(), 1);
});

test('0001 keeps tag names unique among siblings, top level included, ignoring case', (t) => {
  const db = atVersion1(t);
  const roles = addTag(db, 'Roles');
  assert.throws(() => addTag(db, 'roles'), /UNIQUE constraint failed/);
  addTag(db, 'Lead', roles);
  assert.throws(() => addTag(db, 'LEAD', roles), /UNIQUE constraint failed/);
  const actors = addTag(db, 'Actors');
  assert.doesNotThrow(() => addTag(db, 'Lead', actors), 'the same name under another parent is fine');
  assert.doesNotThrow(() => addTag(db, 'Lead'), 'and at the top level');
});

test('0001 allows many tags without a shortcut but never two with the same one', (t) => {
  const db = atVersion1(t);
  addTag(db, 'One');
  addTag(db, 'Two');
  addTag(db, 'Three', null, '3');
  assert.throws(() => addTag(db, 'Four', null, '3'), /UNIQUE constraint failed: tags.shortcut/);
});

test('0001 refuses rows that break its checks', (t) => {
  const db = atVersion1(t);
  const doc = addDocument(db, 'A', 'Some text.');
  assert.throws(() => addAnnotation(db, doc, 5, 5), /CHECK constraint failed/);
  assert.throws(() => addAnnotation(db, doc, -1, 3), /CHECK constraint failed/);
  assert.throws(() => addAnnotation(db, 999, 0, 3), /FOREIGN KEY constraint failed/);
  assert.throws(() => db.prepare("INSERT INTO tags (name, color) VALUES ('Red', 'red')").run(), /CHECK constraint failed/);
  assert.throws(() => db.prepare("INSERT INTO tags (name, color) VALUES ('   ', '#ff0000')").run(), /CHECK constraint failed/);
  assert.throws(() => addTag(db, 'Orphan', 42), /FOREIGN KEY constraint failed/);
  assert.throws(() => db.prepare("UPDATE documents SET published_at = '19 November 2021'").run(), /CHECK constraint failed/);
  assert.doesNotThrow(() => db.prepare("UPDATE documents SET published_at = '2021-11-19'").run());
  const tag = addTag(db, 'Self');
  assert.throws(() => db.prepare('UPDATE tags SET parent_id = id WHERE id = ?').run(tag), /CHECK constraint failed/);
});

test('0001 remembers app state by key', (t) => {
  const db = atVersion1(t);
  db.prepare("INSERT INTO app_state VALUES ('samples_offered', '2026-11-29')").run();
  assert.throws(() => db.prepare("INSERT INTO app_state VALUES ('samples_offered', 'again')").run(), /UNIQUE|PRIMARY KEY/);
});
