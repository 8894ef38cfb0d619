/// Replaces the open library with a backup, whole or not at all. The backup is first copied
/// (through SQLite, so that a library file with its own WAL comes whole) to a hidden file beside
/// the library and checked there: a file that fails PRAGMA integrity_check or is not an Excerpt
/// library is refused before anything else happens. Then a backup of the library as it is
/// is kept, the connection is closed, and the checked copy is flushed to disk and renamed over
/// the library file, so a crash leaves one library or the other, never a mix. The library is
/// opened again (and so migrated: an older backup may need it); when it cannot be, the library
/// as it was goes back.
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { ExcerptError } from '../../common/errors.ts';
import type { LibraryRestored } from '../../common/types.ts';
import { syncFolder } from '../writeFileAtomically.ts';
import { withAttached, sealCopy } from './sealCopy.ts';
import { ALL_PAGES, takeBackup } from './takeBackup.ts';

/// Restores the library open as `db` from the file `from`; `reopen` opens (and migrates) the
/// library file again for its users once it has been replaced.
export async function restoreLibrary(db: Database.Database, from: string, reopen: () => void): Promise<LibraryRestored> {
  const path = db.name;
  if (resolve(from) === resolve(path)) {
    throw new ExcerptError('invalid-argument', `${from} is the library itself; choose one of its backups (or another library file) to restore.`, 'file');
  }
  if (!existsSync(from) || !statSync(from).isFile()) {
    throw new ExcerptError('not-found', `There is no backup at ${from}. Choose one of the library's backups (or another library file), then restore again.`, 'file');
  }
  const incoming = join(dirname(path), `.${basename(path)}.restoring-${randomBytes(4).toString('hex')}`);
  try {
    await copyChecked(db, from, incoming);
    const safetyCopy = await takeBackup(db, 'before-restore');
    db.close();
    try {
      // A last connection deletes the WAL when it closes; one still there belongs to another.
      if (existsSync(`${path}-wal`)) {
        throw new ExcerptError('conflict',
          `Another program has the library open (another Excerpt window, "excerpt serve", or a command still running), so it cannot be replaced now. ` +
            `Close it, then restore again. The library was left as it was (a copy of it was kept too: ${safetyCopy.file}).`);
      }
      await moveOver(incoming, path);
    } catch (error) {
      reopen();
      throw error;
    }
    try {
      reopen();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      copyFileSync(safetyCopy.path, incoming);
      await moveOver(incoming, path);
      reopen();
      throw new ExcerptError('unsupported', `${from} could not be opened as the library: ${reason} The library was put back as it was.`, 'file');
    }
    return { restoredFrom: from, safetyCopy };
  } finally {
    rmSync(incoming, { force: true });
  }
}

/// Copies `from` to `incoming` and checks the copy; refuses (removing it) when it is damaged
/// or not an Excerpt library. The library is untouched either way.
async function copyChecked(db: Database.Database, from: string, incoming: string): Promise<void> {
  const refuse = (why: string) =>
    new ExcerptError('unsupported', `${from} cannot be restored: ${why}. The library was left as it was; choose another backup.`, 'file');
  try {
    // In one step: nothing else is expected to write to the file being restored. (better-sqlite3
    // documents `attached`, the schema to copy; its type declarations leave it out.)
    const options = (schema: string) => ({ attached: schema, progress: () => ALL_PAGES }) as Database.BackupOptions;
    await withAttached(db, from, (schema) => db.backup(incoming, options(schema)));
  } catch (error) {
    throw refuse(`it is not a library Excerpt can read (${error instanceof Error ? error.message : String(error)})`);
  }
  const { damage, notALibrary } = sealCopy(db, incoming);
  if (damage !== null) throw refuse(`it is damaged: it fails SQLite's integrity check (${damage})`);
  if (notALibrary !== null) throw refuse(`it is not an Excerpt library (${notALibrary})`);
}

/// Renames the flushed `incoming` over the library file, with no connection open: the shared
/// memory index of the file it replaces goes first, since it describes that file's pages.
async function moveOver(incoming: string, path: string): Promise<void> {
  flush(incoming);
  rmSync(`${path}-shm`, { force: true });
  renameSync(incoming, path);
  // The rename itself reaches the disk when the folder is flushed.
  await syncFolder(dirname(path));
}

function flush(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
