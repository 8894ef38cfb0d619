/// Which files an import takes: the formats Excerpt reads (the same list as
/// core/import/index.ts; a test keeps the two equal), and the rules for files found inside
/// a folder the analyst chose or dropped.

import { exchangeExtensions } from '../../common/exchangeFiles.ts';

/// The extensions Excerpt imports as documents, lower case with the dot.
export const importableExtensions = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.docx', '.pdf', '.eml'];

/// The `accept` attribute of the file input: documents, and files from other analysis tools.
export const importAccept = [...importableExtensions, ...exchangeExtensions].join(',');

/// Files larger than this are refused before they are read: reading them would freeze the
/// window, and the library would refuse them anyway (it takes up to MAX_IMPORT_MB).
export const MAX_READ_BYTES = 60 * 1024 * 1024;
export const MAX_IMPORT_MB = 50;

/// A file the analyst chose, with the name the report calls it by (its path inside a
/// chosen folder, or its own name).
export interface PickedFile {
  file: File;
  name: string;
}

/// True for a file name in a format Excerpt reads.
export function isImportable(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && importableExtensions.includes(name.slice(dot).toLowerCase());
}

/// True for a path with a hidden file or folder in it (`.git/…`, `.DS_Store`).
export function isHiddenPath(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}

/// The files of a chosen folder to import, by their path inside it; hidden files and other
/// formats are only counted.
export function folderFiles(files: Iterable<{ file: File; path: string }>): { picked: PickedFile[]; skipped: number } {
  const picked: PickedFile[] = [];
  let skipped = 0;
  for (const { file, path } of files) {
    if (isHiddenPath(path) || !isImportable(path)) skipped++;
    else picked.push({ file, name: path });
  }
  return { picked: picked.sort(byName), skipped };
}

/// Files in the order of their names (paths sort folder by folder), as the CLI and the desktop menu import them.
export function byName(a: PickedFile, b: PickedFile): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/// Why a file is refused before it is read, or null when it may be read.
export function refusalBeforeReading(size: number): string | null {
  if (size <= MAX_READ_BYTES) return null;
  const mb = Math.round(size / (1024 * 1024));
  // The words of the library's own refusal (core/import/limits.ts), which it gives files up to this size.
  return `it is ${mb} MB, larger than the ${MAX_IMPORT_MB} MB Excerpt imports. Save a smaller copy (for example without images, or split into parts) and import that.`;
}
