/// Chooses the writer for an export format and names the file. One module per format.
import type { ExportFormat } from '../../common/exportFormats.ts';
import type { ExportedFile } from '../../common/types.ts';
import { excerptsToCsv } from './csv.ts';
import type { ExportSnapshot } from './excerpts.ts';
import { excerptsToJson } from './json.ts';
import { codebookToQdc, snapshotToQdpx } from './refiQda.ts';

/// A format's writer: text, or bytes for a binary format.
interface Writer {
  mimeType: string;
  write(snapshot: ExportSnapshot, exportedAt: Date): string | Uint8Array | Promise<string | Uint8Array>;
}

const writers: Record<ExportFormat, Writer> = {
  csv: { mimeType: 'text/csv; charset=utf-8', write: ({ excerpts }) => excerptsToCsv(excerpts) },
  json: { mimeType: 'application/json', write: ({ excerpts }) => excerptsToJson(excerpts) },
  qdpx: { mimeType: 'application/zip', write: (snapshot, now) => snapshotToQdpx(snapshot, now.toISOString()) },
  qdc: { mimeType: 'application/xml', write: ({ codebook }) => codebookToQdc(codebook) },
};

/// The export file for `snapshot`, named after the day it was made (local time), e.g. excerpts-2026-11-29.csv.
export async function exportFile(snapshot: ExportSnapshot, format: ExportFormat, now = new Date()): Promise<ExportedFile> {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const writer = writers[format];
  const written = await writer.write(snapshot, now);
  return {
    filename: `excerpts-${day}.${format}`,
    mimeType: writer.mimeType,
    ...(typeof written === 'string' ? { content: written, encoding: 'utf8' } : { content: Buffer.from(written).toString('base64'), encoding: 'base64' }),
  };
}
