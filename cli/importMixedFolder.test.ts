import assert from 'node:assert/strict';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import { openLibrary } from '../core/library.ts';
import { tempDir } from '../core/testing/tempLibrary.ts';
import { writeDocx } from '../core/testing/writeDocx.ts';
import { writeReleasePdf } from '../core/testing/writePdf.ts';
import { runExcerpt } from './runExcerpt.ts';

test('a folder of mixed formats imports every good file, names each bad one with its reason and exits 1', async (t) => {
  const dir = tempDir(t);
  const folder = join(dir, 'inbox');
  mkdirSync(join(folder, 'nested'), { recursive: true });
  const docx = await writeDocx({ heading: 'Word statement', date: '2 June 2022', paragraphs: ['The Parties met in Tashkent.'] });
  const files: Record<string, string | Uint8Array> = {
    'a-text.txt': 'Text statement\n\n1 June 2022\n\nThe ministers met.\n',
    'b-notes.md': '# Markdown statement\n\nThe *delegations* agreed.\n',
    'c-page.html': '<html><head><title>HTML statement</title></head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>' +
      '<article><h1>HTML statement</h1><p>4 June 2022</p><p>The Council adopted the text after a long debate on its wording.</p></article>' +
      '<footer>Cookie settings</footer><script>alert(1)</script></body></html>',
    'nested/d-word.docx': docx,
    'nested/e-scan.pdf': writeReleasePdf({ heading: 'PDF statement', date: '3 June 2022', paragraphs: ['Заявление: стороны договорились.'] }),
    'nested/empty.pdf': new Uint8Array(0),
    'nested/huge.pdf': '',
    'junk.pdf': Uint8Array.from({ length: 2048 }, (_, i) => (i * 31) % 256),
    'bomb.docx': zipSync({ ...unzipSync(docx), 'word/media/bomb.bin': new Uint8Array(5_000_000) }),
    'cut.docx': docx.subarray(0, docx.length >> 1),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  // A sparse file: 200 MB long, no time or disk to write.
  truncateSync(join(folder, 'nested', 'huge.pdf'), 200 * 1024 * 1024);
  const db = join(dir, 'library.sqlite');

  const result = await runExcerpt(['--db', db, 'import', folder], { home: dir });
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stdout, '1\tText statement\n2\tMarkdown statement\n3\tHTML statement\n4\tWord statement\n5\tPDF statement\n');
  const complaints = result.stderr.trimEnd().split('\n');
  assert.equal(complaints.length, 5, result.stderr);
  const reason = (name: string) => complaints.find((line) => line.startsWith(`excerpt: ${join(folder, name)} was not imported: `));
  assert.match(reason('bomb.docx') ?? '', /packed [\d,]+ to 1, more than the 100 to 1 Excerpt accepts; .*ZIP bombs/);
  assert.match(reason('cut.docx') ?? '', /cut off \(truncated\)/);
  assert.match(reason('junk.pdf') ?? '', /not a PDF/);
  assert.match(reason('nested/empty.pdf') ?? '', /empty \(0 bytes\)/);
  assert.match(reason('nested/huge.pdf') ?? '', /it is 200 MB, larger than the 50 MB Excerpt imports/);

  const library = openLibrary(db);
  try {
    const rows = library.db.prepare<[], { title: string; published_at: string | null }>('SELECT title, published_at FROM documents ORDER BY id').all();
    assert.deepEqual(rows.map((row) => [row.title, row.published_at]), [
      ['Text statement', '2022-06-01'], ['Markdown statement', null], ['HTML statement', '2022-06-04'],
      ['Word statement', '2022-06-02'], ['PDF statement', '2022-06-03'],
    ]);
    assert.equal(library.db.prepare('SELECT count(*) FROM documents_fts').pluck().get(), 5);
    const text = library.db.prepare<[], string>('SELECT text FROM documents ORDER BY id').pluck().all().join('\n');
    assert.doesNotMatch(text, /alert|Cookie|Home/);
    assert.match(text, /Заявление: стороны договорились\./);
  } finally {
    library.close();
  }
});
