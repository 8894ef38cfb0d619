/// The limits Excerpt puts on a file before it reads it, so that an accidental or hostile
/// file (a 200 MB scan, a ZIP bomb, a PDF of ten thousand pages) is refused with a reason
/// instead of exhausting memory. Every message names the limit it met.
import { unreadable } from './importedDocument.ts';

const MB = 1024 * 1024;

/// Largest file Excerpt imports. A press release is kilobytes; 50 MB leaves room for a
/// Word file or PDF full of photographs.
export const MAX_FILE_BYTES = 50 * MB;
/// Most pages read from one PDF.
export const MAX_PDF_PAGES = 2_000;
/// Most entries in a zip-based file (DOCX now, REFI-QDA projects later). A Word file holds
/// a few dozen.
export const MAX_ZIP_ENTRIES = 10_000;
/// Most bytes the entries of one zip-based file may unpack to, all together.
export const MAX_ZIP_UNPACKED_BYTES = 200 * MB;
/// Highest compression ratio (unpacked to packed size) of one large entry. Word's XML packs
/// about 5 to 20 to 1; a ZIP bomb packs a thousand to 1.
export const MAX_ZIP_RATIO = 100;
/// Entries smaller than this unpacked are not held to MAX_ZIP_RATIO: a run of blank
/// spreadsheet cells or an empty part may pack tightly and still be harmless.
export const ZIP_RATIO_EXEMPT_BYTES = 1 * MB;
/// Deepest nesting of elements read from a web page (or the HTML of a Word file or an e-mail):
/// as deep as a browser builds a page (Chromium's parser stops at 512). A press release nests
/// a few dozen deep; a page nested a hundred thousand deep would exhaust the readers' stack.
export const MAX_HTML_DEPTH = 512;
/// Seconds one page of a PDF may take to read. A page of text reads in milliseconds; a file
/// crafted to stall its reader (a character map of millions of codes) runs on for minutes.
export const MAX_PDF_PAGE_SECONDS = 5;
/// Memory the thread that reads PDFs may hold. A PDF of MAX_FILE_BYTES reads in a fraction of it.
export const MAX_PDF_THREAD_MEGABYTES = 1024;

/// Refuses a file larger than MAX_FILE_BYTES, before any importer parses it. Hosts that
/// can see a file's size before reading it (the CLI, a file dialog) may call it earlier.
export function checkFileSize(byteLength: number): void {
  if (byteLength > MAX_FILE_BYTES) {
    throw unreadable(
      `it is ${describeBytes(byteLength)}, larger than the ${describeBytes(MAX_FILE_BYTES)} Excerpt imports. ` +
        'Save a smaller copy (for example without images, or split into parts) and import that.',
    );
  }
}

/// A byte count as a person reads it: "512 KB", "50 MB", "1.5 GB".
export function describeBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 10 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${units[unit]!}`;
}

/// A count with thousands separators, as in the messages ("2,000 pages").
export function describeCount(count: number): string {
  return count.toLocaleString('en-US');
}
