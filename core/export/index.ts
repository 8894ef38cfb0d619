/// Chooses the writer for an export format and names the file. One module per format.
import type { ExportedFile, ExportFormat } from '../../common/types.ts';
import { excerptsToCsv } from './csv.ts';
import type { ExportSnapshot } from './excerpts.ts';
import { excerptsToJson } from './json.ts';

const writers: Record<ExportFormat, { mimeType: string; write: (snapshot: ExportSnapshot) => string }> = {
  csv: { mimeType: 'text/csv; charset=utf-8', write: ({ excerpts }) => excerptsToCsv(excerpts) },
  json: { mimeType: 'application/json', write: ({ excerpts }) => excerptsToJson(excerpts) },
};

/// The export file for `snapshot`, named after the day it was made (local time), e.g. excerpts-2026-11-29.csv.
export function exportFile(snapshot: ExportSnapshot, format: ExportFormat, now = new Date()): ExportedFile {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const writer = writers[format];
  return { filename: `excerpts-${day}.${format}`, mimeType: writer.mimeType, content: writer.write(snapshot) };
}
