/// Saving an export from the desktop app: the page hands main the file the service wrote, main
/// asks where to put it with the native save dialog and writes it whole (or not at all). The
/// page cannot name a path: only the analyst, in the dialog, can. No electron runtime needed here.
import { extname } from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { exportFormats } from '../common/exportFormats.ts';
import { ExcerptError } from '../common/errors.ts';
import type { SaveExportReply } from '../common/ipc.ts';
import type { ExportedFile } from '../common/types.ts';

/// What saving needs of the desktop: the dialog, and a way to write a file whole.
export interface SaveDesk {
  ask(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  write(path: string, bytes: Uint8Array): Promise<void>;
}

/// Saves `file` (as the page sent it, so checked first) where the analyst chooses.
export async function saveExport(file: unknown, desk: SaveDesk): Promise<SaveExportReply> {
  const { filename, content, encoding } = checkedFile(file);
  const extension = extname(filename).slice(1);
  const format = exportFormats.find((f) => f.extension === extension);
  const choice = await desk.ask({
    title: 'Save the export',
    defaultPath: filename,
    buttonLabel: 'Save',
    filters: format ? [{ name: format.label, extensions: [extension] }] : [],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  try {
    await desk.write(choice.filePath, Buffer.from(content, encoding));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ExcerptError('internal', `The export could not be saved to ${choice.filePath} (${reason}). Choose a folder you can write to and save again.`);
  }
  return { saved: true, path: choice.filePath };
}

function checkedFile(file: unknown): ExportedFile {
  const f = file as Partial<ExportedFile> | null;
  const valid = typeof f === 'object' && f !== null && typeof f.filename === 'string' && /^[^/\\\0]{1,200}$/.test(f.filename) &&
    typeof f.mimeType === 'string' && typeof f.content === 'string' && (f.encoding === 'utf8' || f.encoding === 'base64');
  if (!valid) throw new ExcerptError('invalid-argument', 'The page sent something that is not an export to save. Export again.', 'file');
  return f as ExportedFile;
}
