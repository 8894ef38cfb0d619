/// `excerpt backup [--list]`: a checked copy of the library in its backups folder now, or the
/// list of its backups.
import { listBackups } from '../../core/backup/backupFiles.ts';
import { BACKUP_EVERY_MINUTES } from '../../core/backup/schedule.ts';
import { resolveLibraryPath } from '../../core/libraryPath.ts';
import { KEEP_BEFORE_CHANGES, KEEP_DAYS, KEEP_NEWEST } from '../../core/backup/rotation.ts';
import { readArguments, tsvField, UsageError, type Invocation } from '../command.ts';
import { withLibrary } from '../library.ts';

/// The text of "excerpt backup --help".
export const help = `Usage: excerpt [--db PATH] backup [--list]

Backs the library up now: a whole copy, checked with SQLite's integrity check, in the
folder "backups" beside the library file. Prints the path of the file written; restore
it with "excerpt restore FILE".

Excerpt also backs the library up by itself: the desktop app and "excerpt serve" when they
start and every ${BACKUP_EVERY_MINUTES} minutes while it changes, and Excerpt before it upgrades or
restores a library. Of all these it keeps the newest ${KEEP_NEWEST}, the newest of each of the last
${KEEP_DAYS} days that have backups, and the newest ${KEEP_BEFORE_CHANGES} taken before an upgrade or a restore.

  --list   list the backups instead (even when the library file is gone), newest first:
           taken (UTC)<TAB>size in bytes<TAB>reason<TAB>file
`;

/// Runs `excerpt backup`; resolves to the exit status.
export async function run(invocation: Invocation): Promise<number> {
  const parsed = readArguments('backup', { help }, invocation, { list: { type: 'boolean' } });
  if (!parsed) return 0;
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals[0]}".`, 'backup');
  if (parsed.values.list) {
    // Read from the folder without opening the library, which may be the file that was lost.
    for (const b of listBackups(resolveLibraryPath(parsed.db))) process.stdout.write(`${b.takenAt}\t${b.size}\t${b.reason}\t${tsvField(b.file)}\n`);
    return 0;
  }
  const backup = await withLibrary(parsed.db, { create: false }, ({ service }) => service.backUpNow({}));
  process.stdout.write(`${backup.path}\n`);
  return 0;
}
