/// The files an import names, for `excerpt import` and File > Import Files… / Import Folder…:
/// each chosen file as given, each chosen folder walked recursively for the formats Excerpt
/// reads, in name order.
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { importableExtensions } from './index.ts';

/// A file on disk to import.
export interface FileToImport {
  /// Where it is: the path as chosen, or joined onto the chosen folder's.
  path: string;
  /// What messages call it: its path from the chosen folder (`press/2024/a.txt`), or its
  /// own name when it was chosen directly.
  name: string;
  size: number;
}

/// A chosen path (or a folder inside one) that names nothing importable.
export interface CollectProblem {
  path: string;
  /// Named as FileToImport.name is.
  name: string;
  /// Finishes the sentence "<path> was not imported: ...".
  reason: string;
}

/// What the chosen paths hold.
export interface CollectedFiles {
  files: FileToImport[];
  /// Files inside folders passed over: hidden, or not a format Excerpt reads.
  skipped: number;
  /// Chosen paths that cannot be read, do not exist or are not a format Excerpt reads, and
  /// folders inside them that cannot be read.
  problems: CollectProblem[];
  /// Chosen folders that hold no file Excerpt reads (as chosen).
  emptyFolders: string[];
}

/// The importable files `paths` name: a chosen file as given (or a problem, unread, when
/// Excerpt does not read its format), a chosen folder walked recursively in name order.
export async function collectFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const found: CollectedFiles = { files: [], skipped: 0, problems: [], emptyFolders: [] };
  const seenFolders = new Set<string>();

  const walk = async (folder: string, name: string): Promise<void> => {
    let entries: string[];
    try {
      // A symbolic link back up the tree must not make the walk endless.
      const real = await realpath(folder);
      if (seenFolders.has(real)) return;
      seenFolders.add(real);
      entries = (await readdir(folder)).sort();
    } catch (error) {
      found.problems.push({ path: folder, name, reason: cannotRead(error) });
      return;
    }
    for (const entry of entries) {
      // Hidden files and folders (.git, .DS_Store, editor backups) are not documents.
      if (entry.startsWith('.')) {
        found.skipped++;
        continue;
      }
      const path = join(folder, entry);
      const entryName = `${name}/${entry}`;
      let info;
      try {
        info = await stat(path);
      } catch {
        found.skipped++; // a dangling link inside a folder is not something the analyst asked for
        continue;
      }
      if (info.isDirectory()) await walk(path, entryName);
      else if (info.isFile() && isImportable(entry)) found.files.push({ path, name: entryName, size: info.size });
      else found.skipped++;
    }
  };

  for (const chosen of paths) {
    const name = basename(chosen);
    let info;
    try {
      info = await stat(chosen);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      found.problems.push({ path: chosen, name, reason: code === 'ENOENT' ? 'there is no such file or folder.' : cannotRead(error) });
      continue;
    }
    if (info.isDirectory()) {
      const before = found.files.length;
      await walk(chosen, name);
      if (found.files.length === before) found.emptyFolders.push(chosen);
    } else if (isImportable(chosen)) found.files.push({ path: chosen, name, size: info.size });
    else found.problems.push({ path: chosen, name, reason: unsupported(chosen) });
  }
  return found;
}

function isImportable(path: string): boolean {
  return importableExtensions.includes(extname(path).toLowerCase());
}

function cannotRead(error: unknown): string {
  return `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`;
}

function unsupported(path: string): string {
  const extension = extname(path).toLowerCase();
  const kind = extension ? `"${extension}" files` : 'files without an extension';
  return `Excerpt cannot import ${kind} yet; it reads ${importableExtensions.join(', ')} files.`;
}
