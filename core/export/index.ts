/// Chooses the writer for an export format and names the file. One module per format.
import { exportFormats, type ExportFormat } from '../../common/exportFormats.ts';
import type { ExportedFile } from '../../common/types.ts';
import { excerptsToCsv } from './csv.ts';
import { snapshotToHtml } from './html.ts';
import { snapshotToMarkdown } from './markdown.ts';
import type { ExportSnapshot } from './excerpts.ts';
import { excerptsToJson } from './json.ts';
import { codebookToQdc, snapshotToQdpx } from './refiQda.ts';
import { snapshotToW3c } from './w3c.ts';

/// A format's writer: text, or bytes for a binary format.
interface Writer {
  mimeType: string;
  write(snapshot: ExportSnapshot, exportedAt: Date): string | Uint8Array | Promise<string | Uint8Array>;
}

// The Office writers load their libraries (exceljs, docx) when first asked: a start of Excerpt
// that exports nothing should not wait for them.
const writers: Record<ExportFormat, Writer> = {
  csv: { mimeType: 'text/csv; charset=utf-8', write: ({ excerpts }) => excerptsToCsv(excerpts) },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: async (snapshot) => (await import('./xlsx.ts')).snapshotToXlsx(snapshot) },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', write: async (snapshot, now) => (await import('./docx.ts')).snapshotToDocx(snapshot, localMinute(now)) },
  md: { mimeType: 'text/markdown; charset=utf-8', write: (snapshot, now) => snapshotToMarkdown(snapshot, localMinute(now)) },
  html: { mimeType: 'text/html; charset=utf-8', write: (snapshot, now) => snapshotToHtml(snapshot, localMinute(now)) },
  json: { mimeType: 'application/json', write: ({ excerpts }) => excerptsToJson(excerpts) },
  w3c: { mimeType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', write: (snapshot, now) => snapshotToW3c(snapshot, now.toISOString()) },
  qdpx: { mimeType: 'application/zip', write: (snapshot, now) => snapshotToQdpx(snapshot, now.toISOString()) },
  qdc: { mimeType: 'application/xml', write: ({ libraryId, codebook }) => codebookToQdc(libraryId, codebook) },
};

/// The export file for `snapshot`, named after the day it was made (local time) with the
/// format's extension, e.g. excerpts-2026-11-29.csv.
export async function exportFile(snapshot: ExportSnapshot, format: ExportFormat, now = new Date()): Promise<ExportedFile> {
  const day = localMinute(now).slice(0, 10);
  const writer = writers[format];
  const written = await writer.write(snapshot, now);
  return {
    filename: `excerpts-${day}.${exportFormats.find((f) => f.id === format)!.extension}`,
    mimeType: writer.mimeType,
    ...(typeof written === 'string' ? { content: written, encoding: 'utf8' } : { content: Buffer.from(written).toString('base64'), encoding: 'base64' }),
  };
}

/// `now` as the analyst's clock reads it: YYYY-MM-DD HH:MM (local time), for file names and briefs.
function localMinute(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}`;
}
