/// File > Import Files… and Import Folder…: what the native dialogs offer, how the files
/// collectFiles (core/import/collectFiles.ts) finds travel to the service in batches, and what
/// the analyst is told afterwards. No electron runtime needed here.
import { readFile } from 'node:fs/promises';
import type { OpenDialogOptions } from 'electron';
import { importInBatches, type ImportProgress } from '../common/importBatches.ts';
import { cancelledNote, duplicateNote, importSummary, revisionNote, skippedNote, type ImportReport } from '../common/importOutcome.ts';
import type { CollectedFiles } from '../core/import/collectFiles.ts';
import { importableExtensions } from '../core/import/index.ts';
import type { ExcerptService } from '../core/service.ts';

/// The native open dialog of File > Import Files…: every format Excerpt reads, several at once.
export const importFilesDialogOptions: OpenDialogOptions = {
  title: 'Import press releases',
  buttonLabel: 'Import',
  properties: ['openFile', 'multiSelections'],
  filters: [{ name: 'Press releases', extensions: importableExtensions.map((extension) => extension.slice(1)) }],
};

/// The native open dialog of File > Import Folder…: the files inside are found by collectFiles
/// (core/import/collectFiles.ts).
export const importFolderDialogOptions: OpenDialogOptions = {
  title: 'Import a folder of press releases',
  buttonLabel: 'Import Folder',
  properties: ['openDirectory', 'multiSelections'],
};

function cannotRead(error: unknown): string {
  return `it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`;
}

/// Imports the collected files batch by batch (each batch read from disk just before it is
/// sent); `onProgress` hears the progress across all batches.
export async function importCollectedFiles(
  service: Pick<ExcerptService, 'importFiles' | 'on'>,
  collected: CollectedFiles,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const { result, cancelled } = await importInBatches({
    items: collected.files,
    nameOf: (file) => file.name,
    sizeOf: (file) => file.size,
    read: async (file) => {
      try {
        return (await readFile(file.path)).toString('base64');
      } catch (error) {
        throw new Error(cannotRead(error));
      }
    },
    importFiles: (args) => service.importFiles(args),
    onServiceProgress: (listener) => service.on('importProgress', listener),
    onProgress,
    cancelled: () => false,
  });
  result.failed.unshift(...collected.problems.map(({ name, reason }) => ({ name, reason })));
  return { result, skipped: collected.skipped, cancelled };
}

/// The message box shown when an import ends: what came in, what was already there or
/// revised, and each file that failed with why.
export function describeImportResult(report: ImportReport): { type: 'info' | 'warning'; message: string; detail: string } {
  const { result, skipped, cancelled } = report;
  const lines = [
    ...result.revised.map((revision) => `${revision.name}: ${revisionNote(revision)}`),
    ...result.duplicates.map((duplicate) => `${duplicate.name}: ${duplicateNote(duplicate)}`),
  ];
  if (result.failed.length > 0) lines.push('', 'Not imported:', ...result.failed.map((failure) => `${failure.name}: ${failure.reason}`));
  if (skipped > 0) lines.push('', skippedNote(skipped));
  if (cancelled > 0) lines.push('', cancelledNote(cancelled));
  return {
    type: result.failed.length > 0 || cancelled > 0 ? 'warning' : 'info',
    message: importSummary(report),
    detail: lines.join('\n').trim(),
  };
}
