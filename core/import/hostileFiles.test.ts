import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { tempLibrary, textFile } from '../testing/tempLibrary.ts';
import { writeDocx } from '../testing/writeDocx.ts';
import { writePdf, writeReleasePdf } from '../testing/writePdf.ts';

test('a batch of good and hostile files stores the good ones whole and nothing of the others', async (t) => {
  const library = tempLibrary(t);
  const docx = await writeDocx({ heading: 'Word statement', date: '2 June 2022', paragraphs: ['The Parties met.'] });
  const pdf = writeReleasePdf({ heading: 'PDF statement', date: '3 June 2022', paragraphs: ['The Council agreed.'] });
  const files = [
    textFile('word.docx', docx),
    textFile('scan.pdf', pdf),
    textFile('../../../escape.txt', 'Escape statement\n\n4 June 2022\n\nA name with "../" is only a name.'),
    textFile('report\u202Etxt.md', '# Mirror statement\n\nA right-to-left override in a name changes nothing.'),
    textFile('empty.pdf', new Uint8Array(0)),
    textFile('junk.pdf', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
    textFile('junk.txt', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
    textFile('bomb.docx', zipSync({ ...unzipSync(docx), 'word/media/bomb.bin': new Uint8Array(5_000_000) })),
    textFile('cut.docx', docx.subarray(0, docx.length >> 1)),
    textFile('locked.docx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
    textFile('locked.pdf', writePdf([[{ text: 'Secret', x: 72, y: 700, size: 12 }]], { encrypted: true })),
    textFile('cut.pdf', pdf.subarray(0, pdf.length >> 1)),
  ];
  const result = await library.service.importFiles({ files });

  assert.deepEqual(result.imported.map((doc) => [doc.name, doc.title]), [
    ['word.docx', 'Word statement'],
    ['scan.pdf', 'PDF statement'],
    ['../../../escape.txt', 'Escape statement'],
    ['report\u202Etxt.md', 'Mirror statement'],
  ]);
  const reasons = Object.fromEntries(result.failed.map((failure) => [failure.name, failure.reason]));
  assert.deepEqual(Object.keys(reasons), ['empty.pdf', 'junk.pdf', 'junk.txt', 'bomb.docx', 'cut.docx', 'locked.docx', 'locked.pdf', 'cut.pdf']);
  assert.match(reasons['empty.pdf']!, /empty \(0 bytes\)/);
  assert.match(reasons['junk.pdf']!, /not a PDF/);
  assert.match(reasons['junk.txt']!, /binary/);
  assert.match(reasons['bomb.docx']!, /ZIP bomb/);
  assert.match(reasons['cut.docx']!, /cut off \(truncated\)/);
  assert.match(reasons['locked.docx']!, /password-protected/);
  assert.match(reasons['locked.pdf']!, /protected by a password/);
  assert.match(reasons['cut.pdf']!, /cut off \(truncated\)/);

  // Exactly the four documents, each whole: its row, its text and its full-text entry.
  const rows = library.db.prepare<[], { id: number; title: string; published_at: string | null; text: string }>(
    'SELECT id, title, published_at, text FROM documents ORDER BY id').all();
  assert.deepEqual(rows.map((row) => [row.title, row.published_at]), [
    ['Word statement', '2022-06-02'], ['PDF statement', '2022-06-03'], ['Escape statement', '2022-06-04'], ['Mirror statement', null],
  ]);
  assert.match(rows[1]!.text, /^PDF statement\n\n3 June 2022\n\nThe Council agreed\.$/);
  assert.equal(library.db.prepare('SELECT count(*) FROM documents_fts').pluck().get(), 4);
  assert.equal(library.db.prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'secret OR bomb'").pluck().get(), 0);
  assert.equal(library.db.prepare('PRAGMA integrity_check').pluck().get(), 'ok');
  // Nothing beside the library file was written, whatever the names said.
  assert.deepEqual(readdirSync(dirname(library.path)).filter((name) => !name.startsWith('library.sqlite')), []);
});
