/// Writes a file so that a reader (or a crash, or a power cut) sees either the old file or the
/// whole new one, never half of it: a temporary file in the same folder, flushed to disk, renamed
/// over the target, and the folder flushed so that the rename itself is on disk.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/// Replaces (or creates) `path` with `content`, whole or not at all.
export async function writeFileAtomically(path: string, content: string | Uint8Array): Promise<void> {
  // Same folder, so the rename stays on one file system and is atomic.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/// Flushes a folder's entries to disk: until then a power cut may undo a rename in it.
export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder to flush it; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems cannot flush a folder; there the rename is as safe as they make it.
    if (!['EINVAL', 'ENOTSUP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}
