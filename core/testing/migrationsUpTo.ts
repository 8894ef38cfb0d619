/// For migration tests: a folder holding the project's migrations up to one version, so a
/// test can build a library exactly as that version left it, whatever came after.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { defaultMigrationsDir } from '../db/migrate.ts';
import { tempDir } from './tempLibrary.ts';

/// A temporary folder with migrations 0001..`version` copied from migrations/.
export function migrationsUpTo(t: TestContext, version: number): string {
  const dir = join(tempDir(t, 'excerpt-migrations-'), 'migrations');
  mkdirSync(dir);
  const source = fileURLToPath(defaultMigrationsDir());
  for (const file of readdirSync(source)) {
    const match = /^(\d{4})_.*\.sql$/.exec(file);
    if (match && Number(match[1]) <= version) copyFileSync(join(source, file), join(dir, file));
  }
  return dir;
}
