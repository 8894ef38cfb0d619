import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { importableExtensions, readDocumentFile } from './index.ts';

const bytes = new TextEncoder().encode('# Heading\n\nBody');

test('the importer is chosen by extension, ignoring case', () => {
  assert.equal(readDocumentFile('notes.TXT', bytes).title, '# Heading');
  assert.equal(readDocumentFile('notes.md', bytes).title, 'Heading');
  assert.deepEqual(importableExtensions, ['.txt', '.text', '.md', '.markdown']);
});

test('other formats are refused with the list of what Excerpt reads now', () => {
  for (const name of ['release.pdf', 'release.docx', 'README']) {
    assert.throws(() => readDocumentFile(name, bytes), (e: unknown) =>
      e instanceof ExcerptError && e.code === 'unsupported' && /plain text \(\.txt\) and Markdown \(\.md\)/.test(e.message));
  }
});
