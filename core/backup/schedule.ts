/// The long-running hosts' backups: the desktop app and `excerpt serve` back the library up
/// when they start, then every 30 minutes if it changed since the last backup, through the
/// service (so a scheduled backup waits for a restore, and a restore for it).
import type Database from 'better-sqlite3';
import type { Library } from '../library.ts';

/// How often a changed library is backed up.
export const BACKUP_EVERY_MINUTES = 30;

/// A running schedule.
export interface BackupSchedule {
  /// Stops the timer and waits for a backup under way.
  stop(): Promise<void>;
}

export interface ScheduleOptions {
  /// Milliseconds between checks (tests); BACKUP_EVERY_MINUTES otherwise.
  everyMs?: number;
  /// Told of a backup that failed; the schedule goes on. Printed on stderr by default.
  onError?: (error: unknown) => void;
}

/// What the library's connection says of its changes: SQLite's data_version moves when another
/// connection (the command line, another window) commits, total_changes() when this one does;
/// a restore gives a new connection.
interface ChangeMark {
  db: Database.Database;
  dataVersion: number;
  changes: number;
}

/// Backs `library` up now, then every `everyMs` when it changed since the last backup.
export function startBackupSchedule(library: Pick<Library, 'db' | 'service'>, options: ScheduleOptions = {}): BackupSchedule {
  const onError = options.onError ?? ((error: unknown) => console.error('Excerpt: the scheduled backup failed:', error instanceof Error ? error.message : error));
  let backedUp: ChangeMark | null = null;
  let underWay: Promise<void> | null = null;

  const backUpIfChanged = (): void => {
    if (underWay) return;
    const { db } = library;
    // A restore closes the connection before it opens the restored file: this tick waits for
    // the next, which sees the new connection (and so backs it up).
    if (!db.open) return;
    let before: ChangeMark;
    try {
      before = markOf(db);
    } catch (error) {
      return onError(error);
    }
    if (backedUp && sameMark(before, backedUp)) return;
    underWay = library.service.backUpNow({ reason: 'scheduled' })
      .then(() => void (backedUp = before), onError)
      .finally(() => void (underWay = null));
  };

  backUpIfChanged();
  const timer = setInterval(backUpIfChanged, options.everyMs ?? BACKUP_EVERY_MINUTES * 60_000);
  // The schedule alone does not keep a process alive.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await underWay;
    },
  };
}

function markOf(db: Database.Database): ChangeMark {
  return {
    db,
    dataVersion: db.pragma('data_version', { simple: true }) as number,
    changes: db.prepare('SELECT total_changes()').pluck().get() as number,
  };
}

function sameMark(a: ChangeMark, b: ChangeMark): boolean {
  return a.db === b.db && a.dataVersion === b.dataVersion && a.changes === b.changes;
}
