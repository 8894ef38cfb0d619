/// The files an `excerpt import` names: files as given, folders walked for the formats
/// Excerpt reads, in a stable order.
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { importableExtensions } from '../core/import/index.ts';

/// The files to import, and the paths that cannot be.
export interface CollectedFiles {
  files: string[];
  /// Paths that name nothing importable, each with the reason (finishing the sentence
  /// "<path> was not imported: ...") for one line on stderr.
  problems: { path: string; reason: string }[];
  /// Folders named on the command line that hold no file Excerpt reads.
  emptyFolders: string[];
}

/// The importable files `paths` name, in order: each file as given, each folder's files sorted.
export async function collectFiles(paths: readonly string[]): Promise<CollectedFiles> {
  const found: CollectedFiles = { files: [], problems: [], emptyFolders: [] };
  const seenFolders = new Set<string>();
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      found.problems.push({ path, reason: code === 'ENOENT' ? 'there is no such file or folder.' : `it cannot be read (${code ?? String(error)}).` });
      continue;
    }
    if (info.isDirectory()) {
      const before = found.files.length;
      await walk(path, found, seenFolders);
      if (found.files.length === before) found.emptyFolders.push(path);
    } else if (isSupported(path)) found.files.push(path);
    else found.problems.push({ path, reason: unsupported(path) });
  }
  return found;
}

async function walk(folder: string, found: CollectedFiles, seenFolders: Set<string>): Promise<void> {
  // A symbolic link back up the tree must not make the walk endless.
  const real = await realpath(folder);
  if (seenFolders.has(real)) return;
  seenFolders.add(real);
  let names: string[];
  try {
    names = (await readdir(folder)).sort();
  } catch (error) {
    found.problems.push({ path: folder, reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).` });
    return;
  }
  for (const name of names) {
    // Hidden files and folders (.git, editor backups) are not documents.
    if (name.startsWith('.')) continue;
    const path = join(folder, name);
    let info;
    try {
      info = await stat(path);
    } catch {
      continue; // a dangling link inside a folder is not something the analyst asked for
    }
    if (info.isDirectory()) await walk(path, found, seenFolders);
    else if (info.isFile() && isSupported(name)) found.files.push(path);
  }
}

function isSupported(path: string): boolean {
  return importableExtensions.includes(extname(path).toLowerCase());
}

function unsupported(path: string): string {
  const extension = extname(path).toLowerCase();
  const kind = extension ? `"${extension}" files` : 'files without an extension';
  return `Excerpt cannot import ${kind} yet; it reads ${importableExtensions.join(', ')} files.`;
}
