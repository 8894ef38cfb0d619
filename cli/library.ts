/// The library a command works on: `--db`, else `$EXCERPT_DB`, else the desktop app's file.
import { existsSync } from 'node:fs';
import { openLibrary, type Library } from '../core/library.ts';
import { resolveLibraryPath } from '../core/libraryPath.ts';
import { CliFailure } from './command.ts';

/// How a command uses the library file.
export interface LibraryUse {
  /// Whether a missing library file may be created (import, serve) or is an error (reading commands).
  create: boolean;
}

/// Opens the library, runs `work` on it and always closes it again.
export async function withLibrary<T>(dbFlag: string | undefined, use: LibraryUse, work: (library: Library) => Promise<T>): Promise<T> {
  const library = openCliLibrary(dbFlag, use);
  try {
    return await work(library);
  } finally {
    library.close();
  }
}

/// Opens the library for a command that keeps it open (serve); the caller closes it.
export function openCliLibrary(dbFlag: string | undefined, use: LibraryUse): Library {
  const path = resolveLibraryPath(dbFlag);
  // A mistyped --db should not leave an empty library behind and report "no documents".
  if (!use.create && !existsSync(path)) {
    throw new CliFailure(`there is no library at ${path}. Import documents first (excerpt import PATH...), or name another with --db PATH.`);
  }
  return openLibrary(path);
}
