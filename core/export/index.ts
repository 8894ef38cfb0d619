/// Chooses the writer for an export format and names the file. One module per format.
import type { ExportedFile, ExportFormat } from '../../common/types.ts';
import { excerptsToCsv } from './csv.ts';
import type { Excerpt } from './excerpts.ts';
import { excerptsToJson } from './json.ts';

const writers: Record<ExportFormat, { mimeType: string; write: (excerpts: readonly Excerpt[]) => string }> = {
  csv: { mimeType: 'text/csv; charset=utf-8', write: excerptsToCsv },
  json: { mimeType: 'application/json', write: excerptsToJson },
};

/// The export file for `excerpts`, named after the day it was made (local time), e.g. excerpts-2026-11-29.csv.
export function exportFile(excerpts: readonly Excerpt[], format: ExportFormat, now = new Date()): ExportedFile {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const writer = writers[format];
  return { filename: `excerpts-${day}.${format}`, mimeType: writer.mimeType, content: writer.write(excerpts) };
}
