import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { importableExtensions, readDocumentFile } from './index.ts';

const bytes = new TextEncoder().encode('# Heading\n\nBody');
const refused = (reason: RegExp) => (e: unknown) => e instanceof ExcerptError && e.code === 'unsupported' && reason.test(e.message);

test('the importer is chosen by extension, ignoring case', async () => {
  assert.equal((await readDocumentFile('notes.TXT', bytes)).title, '# Heading');
  assert.equal((await readDocumentFile('notes.md', bytes)).title, 'Heading');
  for (const extension of ['.txt', '.md', '.html', '.docx', '.pdf']) assert.ok(importableExtensions.includes(extension), extension);
});

test('other formats are refused with the list of what Excerpt reads', async () => {
  for (const name of ['release.doc', 'release.rtf', 'README']) {
    await assert.rejects(readDocumentFile(name, bytes), refused(/^Excerpt cannot import .*; it reads \.txt, .*\.docx, \.pdf files\.$/));
  }
});

test('a file over the size limit is refused before any parser reads it', async () => {
  // Zero-filled memory is handed out lazily, so this costs next to nothing.
  const huge = new Uint8Array(200 * 1024 * 1024);
  for (const name of ['scan.pdf', 'report.docx', 'notes.txt']) {
    await assert.rejects(readDocumentFile(name, huge), refused(/^it is 200 MB, larger than the 50 MB Excerpt imports\. /), name);
  }
});

test('an empty file is refused whatever its format', async () => {
  for (const name of ['empty.pdf', 'empty.docx', 'empty.txt', 'empty.html']) {
    await assert.rejects(readDocumentFile(name, new Uint8Array(0)), refused(/^it is empty \(0 bytes\)/), name);
  }
});

test('a file name only chooses the importer: "../" and direction overrides are just text', async () => {
  assert.equal((await readDocumentFile('../../etc/notes.md', bytes)).title, 'Heading');
  assert.equal((await readDocumentFile('\u202Edm.txt', bytes)).title, '# Heading');
  await assert.rejects(readDocumentFile('report\u202Etxt.exe', bytes), refused(/"\.exe" files/));
});
