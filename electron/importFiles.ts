/// File > Import…: which files the dialog offers, how the chosen files travel to the
/// service, and what the analyst is told afterwards. No electron runtime needed here.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenDialogOptions } from 'electron';
import type { ImportResult } from '../common/types.ts';

/// The native open dialog of File > Import…: text and Markdown files, several at once.
export const importDialogOptions: OpenDialogOptions = {
  title: 'Import press releases',
  buttonLabel: 'Import',
  properties: ['openFile', 'multiSelections'],
  filters: [{ name: 'Press releases (plain text, Markdown)', extensions: ['txt', 'md'] }],
};

/// The chosen files as importFiles arguments (bytes in base64), plus those that could not
/// be read from disk with the reason.
export async function readFilesForImport(paths: string[]): Promise<{
  files: { name: string; bytes: string }[];
  unreadable: ImportResult['failed'];
}> {
  const files: { name: string; bytes: string }[] = [];
  const unreadable: ImportResult['failed'] = [];
  for (const file of paths) {
    const name = path.basename(file);
    try {
      files.push({ name, bytes: (await readFile(file)).toString('base64') });
    } catch (error) {
      unreadable.push({ name, reason: `it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    }
  }
  return { files, unreadable };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/// The message box shown when an import ends: what came in, what was already there, and
/// each file that failed with why.
export function describeImportResult(result: ImportResult): { type: 'info' | 'warning'; message: string; detail: string } {
  const parts = [`Imported ${plural(result.imported.length, 'document', 'documents')}.`];
  if (result.duplicates.length > 0) {
    parts.push(`${plural(result.duplicates.length, 'file was', 'files were')} already in the library: ${result.duplicates.map((d) => d.name).join(', ')}.`);
  }
  const failed = result.failed.map((f) => `${f.name}: ${f.reason}`);
  return {
    type: failed.length > 0 ? 'warning' : 'info',
    message: parts.join(' '),
    detail: failed.length > 0 ? `Not imported:\n${failed.join('\n')}` : '',
  };
}
