/// `excerpt restore FILE`: replaces the library with a backup, keeping the library as it was.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readArguments, UsageError, type Invocation } from '../command.ts';
import { withLibrary } from '../library.ts';

/// The text of "excerpt restore --help".
export const help = `Usage: excerpt [--db PATH] restore FILE

Replaces the library with a backup. FILE is a backup's name as "excerpt backup --list"
shows it, or the path of a library file. The file is checked first: one that is damaged
(it fails SQLite's integrity check) or is not an Excerpt library is refused, and the
library is left as it was. Before the library is replaced, it is itself backed up
(reason "before-restore"), so a restore can be undone by restoring that copy. An older
backup is brought up to date.

Close the desktop app and "excerpt serve" first: a library that another program has open
is not replaced.
`;

/// Runs `excerpt restore`; resolves to the exit status.
export async function run(invocation: Invocation): Promise<number> {
  const parsed = readArguments('restore', { help }, invocation, {});
  if (!parsed) return 0;
  const [given, ...rest] = parsed.positionals;
  if (given === undefined) throw new UsageError('say which backup to restore: restore FILE (see "excerpt backup --list").', 'restore');
  if (rest.length > 0) throw new UsageError(`unexpected "${rest[0]}": restore takes one file.`, 'restore');
  // A path (as typed, from this folder) or a backup's bare name, which the library finds in its backups folder.
  const file = existsSync(given) || /[\\/]/.test(given) ? resolve(given) : given;
  // A library file that is gone can be restored too: that is when a backup is needed most.
  const { path, restored } = await withLibrary(parsed.db, { create: true }, async (library) =>
    ({ path: library.path, restored: await library.service.restoreBackup({ file }) }));
  process.stdout.write(`Restored ${path} from ${restored.restoredFrom}.\nThe library as it was is kept as ${restored.safetyCopy.path}.\n`);
  return 0;
}
