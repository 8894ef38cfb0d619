/// The rotating set of backups: after each new backup, the ones no rule keeps are removed.
/// Kept are
/// - the newest 10, whatever their reason: the last hours of work (five at the hosts' 30-minute
///   schedule), and the analyst's own "Back up now" copies among them;
/// - the newest of each of the 7 most recent days that have backups: a week of working days
///   back, however long the analyst was away;
/// - the newest 3 copies Excerpt took before it replaced (a restore) or upgraded the library:
///   the state the analyst had before Excerpt changed it, which a busy afternoon of scheduled
///   backups must not push out.
/// At most 20 files, so the folder stays within about twenty times the library's size.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryBackup } from '../../common/types.ts';
import { backupFileNames, backupsFolder, listBackups, readPartialName, type PartialBackup } from './backupFiles.ts';

export const KEEP_NEWEST = 10;
export const KEEP_DAYS = 7;
export const KEEP_BEFORE_CHANGES = 3;
/// A backup still being written after this long was abandoned, whoever writes it: for names
/// whose process cannot be asked (older names, a folder another computer writes to as well).
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/// The backups (newest first) that no rule keeps.
export function backupsToRemove(newestFirst: readonly LibraryBackup[]): LibraryBackup[] {
  const kept = new Set<LibraryBackup>(newestFirst.slice(0, KEEP_NEWEST));
  const days = new Set<string>();
  for (const backup of newestFirst) {
    const day = localDay(backup.takenAt);
    if (days.has(day)) continue;
    if (days.size === KEEP_DAYS) break;
    days.add(day);
    kept.add(backup);
  }
  for (const backup of newestFirst.filter((b) => b.reason === 'before-restore' || b.reason === 'before-upgrade').slice(0, KEEP_BEFORE_CHANGES)) {
    kept.add(backup);
  }
  return newestFirst.filter((backup) => !kept.has(backup));
}

/// Removes this library's backups that no rule keeps, and backups abandoned half-written (with
/// the journal SQLite left beside them): those whose process has ended (killed, or the computer
/// lost power), and any left for a day.
export function rotateBackups(libraryPath: string, now = Date.now()): void {
  for (const backup of backupsToRemove(listBackups(libraryPath))) rmSync(backup.path, { force: true });
  const folder = backupsFolder(libraryPath);
  for (const file of backupFileNames(libraryPath)) {
    const partial = readPartialName(libraryPath, file);
    if (partial === null) continue;
    try {
      if (writerEnded(partial) || now - statSync(join(folder, file)).mtimeMs > ABANDONED_AFTER_MS) rmSync(join(folder, file), { force: true });
    } catch {
      // Finished or removed meanwhile.
    }
  }
}

/// Whether the process writing `partial` has ended. Signal 0 asks without sending anything:
/// ESRCH means there is no such process. This process's own backups are under way.
function writerEnded({ pid }: PartialBackup): boolean {
  if (pid === null || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/// The calendar day a backup was taken, where the analyst is.
function localDay(iso: string): string {
  const at = new Date(iso);
  return `${at.getFullYear()}-${at.getMonth() + 1}-${at.getDate()}`;
}
