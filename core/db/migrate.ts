/// Brings a library's schema up to date: applies migrations/NNNN_name.sql above
/// `PRAGMA user_version`, in order, each in one transaction that also sets user_version.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { takeBackupSync } from '../backup/takeBackup.ts';

/// Where the migrations sit in a source checkout; a bundled host passes its own folder.
/// A function, not a constant: in a CommonJS bundle `import.meta.url` is empty, and the
/// bundle must still load when it passes its own folder.
export function defaultMigrationsDir(): URL {
  return new URL('../../migrations/', import.meta.url);
}

/// One schema step, read from `NNNN_name.sql`.
export interface Migration {
  version: number;
  file: string;
  sql: string;
}

/// What `migrate` did.
export interface MigrationReport {
  from: number;
  to: number;
  /// The copy taken before the first step, when the library held data.
  backupPath: string | null;
}

/// A migration could not be applied; the library stays at the version it had before that step.
export class MigrationError extends Error {
  override name = 'MigrationError';
}

const migrationFile = /^(\d{4})_[A-Za-z0-9_-]+\.sql$/;

/// The migrations of a folder in order, checked to be numbered 1, 2, 3... without gaps.
export function readMigrations(dir: string | URL): Migration[] {
  const folder = typeof dir === 'string' ? dir : fileURLToPath(dir);
  const migrations = readdirSync(folder)
    .flatMap((file) => {
      const match = migrationFile.exec(file);
      return match ? [{ version: Number(match[1]), file, sql: readFileSync(join(folder, file), 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(
        `The migrations in ${folder} are not numbered 0001, 0002, ... without gaps or repeats ` +
          `(found ${migration.file} where version ${index + 1} was expected). This is a packaging fault; please report it.`,
      );
    }
  });
  return migrations;
}

/// The migration a library is at (its PRAGMA user_version).
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/// Applies the pending migrations, backing up a library that holds data first.
export function migrate(db: Database.Database, migrationsDir: string | URL = defaultMigrationsDir()): MigrationReport {
  const migrations = readMigrations(migrationsDir);
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new MigrationError(
      `This library (${db.name}) was written by a newer Excerpt (schema version ${from}; this one knows up to ${latest}). ` +
        'Open it with the newer Excerpt; nothing was changed.',
    );
  }
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backupPath: null };

  const backupPath = holdsData(db) ? backUp(db) : null;
  for (const migration of pending) {
    const before = schemaVersion(db);
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        const dangling = db.pragma('foreign_key_check') as unknown[];
        if (dangling.length > 0) throw new Error(`it would leave ${dangling.length} rows pointing at rows that do not exist`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const copy = backupPath ? ` A copy taken before the upgrade is at ${backupPath}.` : '';
      throw new MigrationError(
        `Excerpt could not upgrade the library ${db.name} to schema version ${migration.version} (${migration.file}): ${reason}. ` +
          `The library was left as it was, at version ${before}.${copy} Please report this problem.`,
        { cause: error },
      );
    }
  }
  return { from, to: latest, backupPath };
}

/// True when the library is past its first migration or any table has a row.
function holdsData(db: Database.Database): boolean {
  if (schemaVersion(db) > 0) return true;
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
    .pluck()
    .all() as string[];
  return tables.some((name) => db.prepare(`SELECT EXISTS (SELECT 1 FROM "${name.replaceAll('"', '""')}")`).pluck().get() === 1);
}

/// A checked copy of the library in its backups folder, part of the rotating set, e.g.
/// `backups/library-20260115-143000-before-upgrade.sqlite`. Synchronous (VACUUM INTO):
/// better-sqlite3's `db.backup()` is asynchronous, and opening a library (and so migrating it)
/// is synchronous for every host.
function backUp(db: Database.Database): string | null {
  if (db.memory || db.name === '') return null;
  return takeBackupSync(db, 'before-upgrade').path;
}
