/// File > Import Files… and Import Folder…: what the native dialogs offer, which files a
/// chosen folder holds, how they travel to the service in batches, and what the analyst is
/// told afterwards. No electron runtime needed here.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenDialogOptions } from 'electron';
import { importInBatches, type ImportProgress } from '../common/importBatches.ts';
import { cancelledNote, duplicateNote, importSummary, revisionNote, skippedNote, type ImportReport } from '../common/importOutcome.ts';
import type { ImportResult } from '../common/types.ts';
import { importableExtensions } from '../core/import/index.ts';
import type { ExcerptService } from '../core/service.ts';

/// The native open dialog of File > Import Files…: every format Excerpt reads, several at once.
export const importFilesDialogOptions: OpenDialogOptions = {
  title: 'Import press releases',
  buttonLabel: 'Import',
  properties: ['openFile', 'multiSelections'],
  filters: [{ name: 'Press releases', extensions: importableExtensions.map((extension) => extension.slice(1)) }],
};

/// The native open dialog of File > Import Folder…: the files inside are found by collectImportFiles.
export const importFolderDialogOptions: OpenDialogOptions = {
  title: 'Import a folder of press releases',
  buttonLabel: 'Import Folder',
  properties: ['openDirectory', 'multiSelections'],
};

/// A file on disk to import, named for messages by its path from the chosen folder.
export interface FileToImport {
  path: string;
  name: string;
  size: number;
}

/// What the chosen paths hold.
export interface CollectedImport {
  files: FileToImport[];
  /// Files inside folders passed over: hidden, or not a format Excerpt reads.
  skipped: number;
  /// Chosen paths (or folders inside them) that could not be read, with why.
  unreadable: ImportResult['failed'];
}

const isImportable = (name: string) => importableExtensions.includes(path.extname(name).toLowerCase());

/// The files `paths` name: a file as chosen (the service refuses a format it cannot read,
/// with its reason), a folder walked recursively for the formats Excerpt reads, in name order.
export async function collectImportFiles(paths: readonly string[]): Promise<CollectedImport> {
  const found: CollectedImport = { files: [], skipped: 0, unreadable: [] };
  const seenFolders = new Set<string>();
  const visit = async (file: string, name: string, chosen: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(file);
    } catch (error) {
      // A dangling link inside a folder is not something the analyst asked for.
      if (chosen) found.unreadable.push({ name, reason: cannotRead(error) });
      else found.skipped++;
      return;
    }
    if (info.isDirectory()) {
      // A symbolic link back up the tree must not make the walk endless.
      const real = await realpath(file);
      if (seenFolders.has(real)) return;
      seenFolders.add(real);
      let entries: string[];
      try {
        entries = (await readdir(file)).sort();
      } catch (error) {
        found.unreadable.push({ name, reason: cannotRead(error) });
        return;
      }
      for (const entry of entries) {
        // Hidden files and folders (.git, .DS_Store, editor backups) are not documents.
        if (entry.startsWith('.')) found.skipped++;
        else await visit(path.join(file, entry), `${name}/${entry}`, false);
      }
    } else if (chosen || (info.isFile() && isImportable(file))) {
      found.files.push({ path: file, name, size: info.size });
    } else {
      found.skipped++;
    }
  };
  for (const chosen of paths) await visit(chosen, path.basename(chosen), true);
  return found;
}

function cannotRead(error: unknown): string {
  return `it could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`;
}

/// Imports the collected files batch by batch (each batch read from disk just before it is
/// sent); `onProgress` hears the progress across all batches.
export async function importCollectedFiles(
  service: Pick<ExcerptService, 'importFiles' | 'on'>,
  collected: CollectedImport,
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
  result.failed.unshift(...collected.unreadable);
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
