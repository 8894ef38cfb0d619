/// A library in a temporary folder that lives as long as the bench process: scenarios that
/// share an expensive generated library build it once, and it is closed and removed on exit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../core/library.ts';

/// A new empty library in a folder named after `prefix`.
export function temporaryLibrary(prefix: string): Library {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const library = openLibrary(join(dir, 'library.sqlite'));
  process.once('exit', () => {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return library;
}
