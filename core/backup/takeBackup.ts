/// Takes a backup of an open library into its backups folder while the library stays in use:
/// the copy is written under a hidden name, made one self-contained file and checked with
/// PRAGMA integrity_check, and only then given its name; the rotating set is renewed after it.
/// A copy that fails its check is removed, and the error says why.
import { closeSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { ExcerptError } from '../../common/errors.ts';
import type { BackupReason, LibraryBackup } from '../../common/types.ts';
import { backupsFolder, describeBackup, newBackupName, partialName } from './backupFiles.ts';
import { rotateBackups } from './rotation.ts';
import { sealCopy } from './sealCopy.ts';

/// better-sqlite3's largest step: every page left, in one go.
export const ALL_PAGES = 0x7fffffff;

/// A backup being written: its name and the hidden file it is written to.
interface Pending {
  file: string;
  partial: string;
}

/// Takes a backup with SQLite's online backup (better-sqlite3's `db.backup()`): the copy is
/// taken a hundred pages at a time, the library's other work going on between the steps.
export async function takeBackup(db: Database.Database, reason: BackupReason): Promise<LibraryBackup> {
  const pending = begin(db, reason);
  try {
    await db.backup(pending.partial, { progress: stepsThatFinish() });
  } catch (error) {
    throw failed(db, pending, error);
  }
  return complete(db, pending);
}

/// Takes a backup with `VACUUM INTO`, SQLite's synchronous consistent copy: for migrate, which
/// runs while a library is opened, and opening is synchronous in every host.
export function takeBackupSync(db: Database.Database, reason: BackupReason): LibraryBackup {
  const pending = begin(db, reason);
  try {
    db.prepare('VACUUM INTO ?').run(pending.partial);
  } catch (error) {
    throw failed(db, pending, error);
  }
  return complete(db, pending);
}

/// A commit by a second connection restarts the backup (this connection's commits go into the
/// copy as they happen). Under a steady stream of them (an import from the command line) a
/// hundred pages a step would restart for ever, so after a restart the rest is copied in one
/// step, which reads one consistent snapshot.
function stepsThatFinish(): (progress: { remainingPages: number }) => number {
  let pagesPerStep = 100;
  let remainingBefore = Infinity;
  return ({ remainingPages }) => {
    if (remainingPages >= remainingBefore) pagesPerStep = ALL_PAGES;
    remainingBefore = remainingPages;
    return pagesPerStep;
  };
}

/// Claims a fresh name (creating its hidden file, so that a backup started in the same second
/// takes the next one).
function begin(db: Database.Database, reason: BackupReason): Pending {
  if (db.memory || db.name === '') {
    throw new ExcerptError('unsupported', 'This library lives in memory only, so there is no file to back up.');
  }
  const folder = backupsFolder(db.name);
  mkdirSync(folder, { recursive: true });
  for (;;) {
    const file = newBackupName(db.name, reason, new Date());
    const partial = join(folder, partialName(file));
    try {
      closeSync(openSync(partial, 'wx'));
      return { file, partial };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw failed(db, null, error);
    }
  }
}

/// Checks the written copy and gives it its name.
function complete(db: Database.Database, pending: Pending): LibraryBackup {
  const path = join(backupsFolder(db.name), pending.file);
  try {
    const { damage } = sealCopy(db, pending.partial);
    if (damage !== null) throw new Error(`the copy failed its integrity check (${damage})`);
    renameSync(pending.partial, path);
  } catch (error) {
    throw failed(db, pending, error);
  }
  rotateBackups(db.name);
  const backup = describeBackup(db.name, pending.file);
  if (!backup) throw failed(db, null, new Error(`${path} disappeared as soon as it was written`));
  return backup;
}

/// Removes what was written of a failed backup; the error says what happened and what to do.
function failed(db: Database.Database, pending: Pending | null, error: unknown): ExcerptError {
  if (pending) rmSync(pending.partial, { force: true });
  const reason = error instanceof Error ? error.message : String(error);
  return new ExcerptError('internal',
    `Excerpt could not back up the library (${reason}). No backup was kept of this attempt, and the library itself is as it was. ` +
      `Check that there is room on the disk for ${backupsFolder(db.name)}, then try again.`);
}
