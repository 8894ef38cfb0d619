/// The PDF thread: a file made to stall pdfjs (a character map of 16 million codes per line) is
/// refused once a page takes longer than MAX_PDF_PAGE_SECONDS, while this thread goes on
/// answering; the next PDF is read by a new thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { writeReleasePdf } from '../testing/writePdf.ts';
import { readDocumentFile } from './index.ts';
import { MAX_PDF_PAGE_SECONDS } from './limits.ts';

const release = { heading: 'Statement on river pilots', date: '3 May 2024', paragraphs: ['The pilots will train together.'] };

test('a PDF that stalls its reader is refused in time, this thread answering meanwhile, and the next PDF reads', async () => {
  const pdf = Buffer.from(writeReleasePdf(release)).toString('latin1');
  // Each line of the character map now spans 16,777,215 codes, the most pdfjs takes.
  const line = /<([0-9a-f]{2})00> <\1ff> <\1(?:00)>/g;
  assert.equal(pdf.match(line)?.length, 256);
  const stalling = Buffer.from(pdf.replace(line, '<000000> <ffffff> <$100>'), 'latin1');
  let ticks = 0;
  const ticking = setInterval(() => ticks++, 100);
  const started = performance.now();
  try {
    await assert.rejects(readDocumentFile('stalling.pdf', stalling), (error: unknown) =>
      error instanceof ExcerptError && error.code === 'unsupported' && /a page of it took longer than \d+ seconds to read/.test(error.message));
  } finally {
    clearInterval(ticking);
  }
  const seconds = (performance.now() - started) / 1000;
  assert.ok(seconds >= MAX_PDF_PAGE_SECONDS && seconds < MAX_PDF_PAGE_SECONDS + 20, `${seconds} s`);
  assert.ok(ticks >= MAX_PDF_PAGE_SECONDS * 5, `this thread was blocked: ${ticks} ticks in ${seconds} s`);
  assert.equal((await readDocumentFile('after.pdf', writeReleasePdf(release))).title, 'Statement on river pilots');
});
