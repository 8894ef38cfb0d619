/// Excerpts as CSV that spreadsheets open correctly: UTF-8 with a byte-order mark (Excel
/// needs it to read non-Latin text), RFC 4180 quoting and CRLF line ends, one row per excerpt.
import type { Excerpt } from './excerpts.ts';

/// The columns, in order.
export const CSV_HEADER = ['document_id', 'document_title', 'published', 'source', 'tags', 'excerpt', 'start', 'end', 'note'];
/// Between the tag names of one excerpt.
export const TAG_SEPARATOR = '; ';

/// The whole CSV file, byte-order mark included.
export function excerptsToCsv(excerpts: readonly Excerpt[]): string {
  const rows = excerpts.map((e) => [
    String(e.document.id), e.document.title, e.document.published ?? '', e.document.source ?? '',
    e.tags.join(TAG_SEPARATOR), e.text, String(e.start), String(e.end), e.note,
  ]);
  return `\uFEFF${[CSV_HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/// One field, quoted when it holds a comma, a quote or a line break, its quotes doubled.
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
