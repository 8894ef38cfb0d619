import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir, tempLibrary } from '../core/testing/tempLibrary.ts';
import { describeImportResult, importDialogOptions, readFilesForImport } from './importFiles.ts';

test('the dialog offers plain text and Markdown, several at once', () => {
  assert.deepEqual(importDialogOptions.filters, [{ name: 'Press releases (plain text, Markdown)', extensions: ['txt', 'md'] }]);
  assert.ok(importDialogOptions.properties?.includes('multiSelections'));
});

test('chosen files reach the real service; unreadable ones are reported, not fatal', async (t) => {
  const dir = tempDir(t);
  const statement = path.join(dir, 'statement.txt');
  writeFileSync(statement, 'Joint statement\n\n19 November 2021\n\nThe parties agree. 🤝\n');
  const { files, unreadable } = await readFilesForImport([statement, path.join(dir, 'gone.md')]);
  assert.deepEqual(unreadable, [{ name: 'gone.md', reason: 'it could not be read (ENOENT)' }]);
  const { service } = tempLibrary(t);
  const result = await service.importFiles({ files });
  assert.equal(result.imported[0]!.title, 'Joint statement');
  const again = await service.importFiles({ files });
  const summary = describeImportResult({ ...again, failed: [...unreadable, ...again.failed] });
  assert.deepEqual(summary, {
    type: 'warning',
    message: 'Imported 0 documents. 1 file was already in the library: statement.txt.',
    detail: 'Not imported:\ngone.md: it could not be read (ENOENT)',
  });
});

test('a clean import is an information message', () => {
  const summary = describeImportResult({ imported: [{ name: 'a.txt', id: 1, title: 'A' }], duplicates: [], failed: [] });
  assert.deepEqual(summary, { type: 'info', message: 'Imported 1 document.', detail: '' });
});
