import assert from 'node:assert/strict';
import { openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { openLibrary } from '../../core/library.ts';
import { importText, tempDir } from '../../core/testing/tempLibrary.ts';
import { inspectLibrary } from './inspectLibrary.ts';

/// A closed library file with one document, a tag, and a highlight on "Parties" carrying it.
async function libraryFile(t: TestContext): Promise<{ path: string; documentId: number; highlightId: number; tagId: number }> {
  const path = join(tempDir(t), 'library.sqlite');
  const library = openLibrary(path);
  const documentId = await importText(library, 'statement.txt', 'Joint statement\n\nThe Parties stressed the role of the ITU.');
  const tagId = (await library.service.createTag({ name: 'ITU role' })).id;
  const text = (await library.service.getDocument({ id: documentId })).text;
  const start = text.indexOf('Parties');
  const highlightId = (await library.service.createAnnotation({ documentId, start, end: start + 7, tagIds: [tagId], note: 'first mention' })).id;
  library.close();
  return { path, documentId, highlightId, tagId };
}

/// Changes the file behind Excerpt's back, as a half-done write would leave it.
function tamper(path: string, sql: string): void {
  const library = openLibrary(path);
  library.db.exec(sql);
  library.close();
}

test('a sound library reads back whole, its highlights with their tags and notes', async (t) => {
  const { path, documentId, highlightId, tagId } = await libraryFile(t);
  const found = inspectLibrary(path);
  found.close();
  assert.deepEqual(found.corruption, []);
  assert.deepEqual(found.notWhole, []);
  assert.equal(found.documents.get(documentId)?.title, 'Joint statement');
  assert.deepEqual(found.documents.get(documentId)?.earlierTexts, []);
  const highlight = found.highlights.get(highlightId);
  assert.deepEqual({ exact: highlight?.exact, tagIds: highlight?.tagIds, note: highlight?.note, inReview: highlight?.inReview },
    { exact: 'Parties', tagIds: [tagId], note: 'first mention', inReview: false });
});

test('a full-text index out of step with the documents is corruption', async (t) => {
  const { path, documentId } = await libraryFile(t);
  // Drops the document's words from the index while the document stays.
  tamper(path, `INSERT INTO documents_fts (documents_fts, rowid, title, text) SELECT 'delete', id, title, text FROM documents WHERE id = ${documentId}`);
  const found = inspectLibrary(path);
  found.close();
  assert.match(found.corruption.join(), /documents_fts integrity-check/);
});

test('a damaged file is corruption, not a crash of the check', async (t) => {
  const { path } = await libraryFile(t);
  const file = openSync(path, 'r+');
  // Page 2 onwards: the schema's tables; garbage there leaves a file SQLite still opens.
  writeSync(file, Buffer.alloc(8192, 0x5a), 0, 8192, 4096);
  closeSync(file);
  const found = inspectLibrary(path);
  found.close();
  assert.notDeepEqual(found.corruption, []);
});

test('a document whose hash, structure or highlights disagree with its text is not whole', async (t) => {
  const { path, documentId, highlightId } = await libraryFile(t);
  tamper(path, `UPDATE documents SET content_hash = 'not the hash' WHERE id = ${documentId};
    UPDATE annotations SET exact = 'Partie' WHERE id = ${highlightId}`);
  const found = inspectLibrary(path);
  found.close();
  assert.deepEqual(found.corruption, []);
  assert.match(found.notWhole.join('\n'), /content_hash is not the hash of its text/);
  assert.match(found.notWhole.join('\n'), new RegExp(`highlight ${highlightId} quotes "Partie" but its range`));

  tamper(path, `UPDATE documents SET doc_json = '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Another text"}]}]}' WHERE id = ${documentId}`);
  const again = inspectLibrary(path);
  again.close();
  assert.match(again.notWhole.join('\n'), /its doc_json does not give its text/);
});
