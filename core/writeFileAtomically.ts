/// Writes a file so that a reader (or a crash) sees either the old file or the whole new one,
/// never half of it: a temporary file in the same folder, flushed, then renamed over the target.
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
}
