/// Where a library's backups live and what they are called: the folder `backups/` beside the
/// library file, each named for the library, the time it was taken (UTC) and why, e.g.
/// `library-20260115-143000-manual.sqlite`, so that a folder listing sorts them by time and two
/// libraries sharing a folder keep their backups apart. A backup being written is hidden as
/// `.NAME.PID.partial` (PID: the process writing it) until it has been checked.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { backupReasons, type BackupReason, type LibraryBackup } from '../../common/types.ts';

/// The folder of backups beside the library file.
export function backupsFolder(libraryPath: string): string {
  return join(dirname(resolve(libraryPath)), 'backups');
}

/// What a backup's file name says.
interface BackupName {
  /// YYYYMMDD-HHMMSS, UTC.
  stamp: string;
  /// 1 for the first backup taken in that second, 2 for the next...
  sequence: number;
  reason: BackupReason;
}

/// The library file's name without its extension: `library` for library.sqlite.
function stemOf(libraryPath: string): string {
  const name = basename(libraryPath);
  return name.slice(0, name.length - extname(name).length) || name;
}

function namePattern(libraryPath: string): RegExp {
  const stem = stemOf(libraryPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${stem}-(\\d{8}-\\d{6})(?:-(\\d+))?-(${backupReasons.join('|')})\\.sqlite$`);
}

/// What the name of one of this library's backups says, or null for any other file.
export function readBackupName(libraryPath: string, file: string): BackupName | null {
  const match = namePattern(libraryPath).exec(file);
  if (!match) return null;
  return { stamp: match[1]!, sequence: match[2] === undefined ? 1 : Number(match[2]), reason: match[3] as BackupReason };
}

/// The hidden name a backup is written under, by the process `pid`, until it has been checked.
export function partialName(file: string, pid = process.pid): string {
  return `.${file}.${pid}.partial`;
}

/// A backup being written, as its hidden file's name says.
export interface PartialBackup {
  /// The name it will have.
  file: string;
  /// The process writing it (null in names from before the process was named).
  pid: number | null;
}

/// What the hidden file `partial` is, when it is one of this library's backups being written,
/// or a file SQLite keeps beside one while writing it (`-journal`, `-wal`, `-shm`).
export function readPartialName(libraryPath: string, partial: string): PartialBackup | null {
  const match = /^\.(.+?)(?:\.(\d+))?\.partial(-journal|-wal|-shm)?$/.exec(partial);
  if (!match || !readBackupName(libraryPath, match[1]!)) return null;
  return { file: match[1]!, pid: match[2] === undefined ? null : Number(match[2]) };
}

/// A name for a new backup taken at `at`, unused in the folder (written or being written).
export function newBackupName(libraryPath: string, reason: BackupReason, at: Date): string {
  const stamp = at.toISOString().replace(/\.\d+Z$/, '').replaceAll('-', '').replaceAll(':', '').replace('T', '-');
  const taken = new Set(backupFileNames(libraryPath).flatMap((file) => {
    const name = readBackupName(libraryPath, readPartialName(libraryPath, file)?.file ?? file);
    return name && name.stamp === stamp ? [name.sequence] : [];
  }));
  // One past the highest, never a gap rotation left: a lower number sorts as older, and the
  // rotation after this backup would remove it as soon as it is written.
  const sequence = Math.max(0, ...taken) + 1;
  return `${stemOf(libraryPath)}-${stamp}${sequence === 1 ? '' : `-${sequence}`}-${reason}.sqlite`;
}

/// This library's backups, newest first.
export function listBackups(libraryPath: string): LibraryBackup[] {
  return backupFileNames(libraryPath)
    .flatMap((file) => {
      const name = readBackupName(libraryPath, file);
      const backup = name && describeBackup(libraryPath, file);
      return name && backup ? [{ name, backup }] : [];
    })
    .sort((a, b) => b.name.stamp.localeCompare(a.name.stamp) || b.name.sequence - a.name.sequence)
    .map(({ backup }) => backup);
}

/// The backup `file` of this library as listed, or null when it is not one (or not there).
export function describeBackup(libraryPath: string, file: string): LibraryBackup | null {
  const name = readBackupName(libraryPath, file);
  if (!name) return null;
  const path = join(backupsFolder(libraryPath), file);
  try {
    return { file, path, takenAt: takenAt(name.stamp), size: statSync(path).size, reason: name.reason };
  } catch {
    // Removed since the folder was read (another window's rotation).
    return null;
  }
}

/// Every file name in the backups folder (none when there is no folder yet).
export function backupFileNames(libraryPath: string): string[] {
  try {
    return readdirSync(backupsFolder(libraryPath));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function takenAt(stamp: string): string {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(stamp)!;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
}
