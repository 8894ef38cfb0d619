/// What the analyst dropped on the window: files as they are, folders read recursively
/// (hidden files and formats Excerpt does not read inside them are skipped and counted).
import { byName, isImportable, type PickedFile } from './importableFiles.ts';

/// The files to import from a drop, how many were passed over in folders, and the folders
/// that could not be read.
export interface DroppedFiles {
  picked: PickedFile[];
  skipped: number;
  unreadable: { name: string; reason: string }[];
}

/// True when a drag carries files (not a passage of text dragged inside the page).
export function carriesFiles(dataTransfer: DataTransfer | null): boolean {
  return dataTransfer?.types.includes('Files') ?? false;
}

/// Reads a drop. Call it inside the `drop` handler: the browser hands out the dropped
/// entries only during the event, so they are taken before the first pause.
export async function readDroppedFiles(dataTransfer: DataTransfer): Promise<DroppedFiles> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dataTransfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    const file = entry ? null : item.getAsFile();
    if (entry) entries.push(entry);
    else if (file) loose.push(file);
  }
  const dropped: DroppedFiles = { picked: loose.map((file) => ({ file, name: file.name })), skipped: 0, unreadable: [] };
  for (const entry of entries) {
    if (entry.isFile) {
      // A file dropped on its own is imported whatever its format: the library says why it cannot be.
      const file = await fileOf(entry as FileSystemFileEntry).catch(() => null);
      if (file) dropped.picked.push({ file, name: entry.name });
      else dropped.unreadable.push({ name: entry.name, reason: 'it could not be read. Check that it still exists and that you may open it.' });
    } else if (entry.isDirectory) {
      const found: PickedFile[] = [];
      await walk(entry as FileSystemDirectoryEntry, found, dropped);
      dropped.picked.push(...found.sort(byName));
    }
  }
  return dropped;
}

async function walk(folder: FileSystemDirectoryEntry, found: PickedFile[], dropped: DroppedFiles): Promise<void> {
  let children: FileSystemEntry[];
  try {
    children = await childrenOf(folder);
  } catch {
    dropped.unreadable.push({ name: pathOf(folder), reason: 'this folder could not be read. Check that you may open it.' });
    return;
  }
  for (const child of children) {
    // Nothing inside a hidden folder is read (a .git folder holds thousands of files).
    if (child.name.startsWith('.')) dropped.skipped++;
    else if (child.isDirectory) await walk(child as FileSystemDirectoryEntry, found, dropped);
    else if (!isImportable(child.name)) dropped.skipped++;
    else {
      const file = await fileOf(child as FileSystemFileEntry).catch(() => null);
      if (file) found.push({ file, name: pathOf(child) });
      else dropped.unreadable.push({ name: pathOf(child), reason: 'it could not be read. Check that it still exists and that you may open it.' });
    }
  }
}

/// A folder's entries: the reader hands them out a hundred or so at a time until it has none left.
async function childrenOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const some = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (some.length === 0) return all;
    all.push(...some);
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

// fullPath is "/press/2021/a.txt" inside the drop.
function pathOf(entry: FileSystemEntry): string {
  return entry.fullPath.replace(/^\/+/, '') || entry.name;
}
