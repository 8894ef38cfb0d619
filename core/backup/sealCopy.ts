/// Checks a copy of a library that SQLite has just written (a backup, or a file about to
/// become the library) and makes it one self-contained file. The copy is read through the
/// library's own connection (ATTACH), so it is read by the same SQLite build: the desktop app
/// loads its own build of better-sqlite3, which a second `new Database` here would not.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/// What is wrong with a copy: damage (it fails PRAGMA integrity_check) or that it is not an
/// Excerpt library; null where it is fine.
export interface CopyCheck {
  damage: string | null;
  notALibrary: string | null;
}

/// The tables every Excerpt library has had since its first version.
const libraryTables = ['documents', 'tags', 'annotations', 'annotation_tags'];

/// Runs `look` with the file at `path` attached to `db` under a fresh schema name, until it
/// returns (or, when it returns a promise, until that settles).
export function withAttached<T>(db: Database.Database, path: string, look: (schema: string) => T): T {
  const schema = `copy_${randomBytes(6).toString('hex')}`;
  db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(path);
  const detach = () => db.exec(`DETACH DATABASE ${schema}`);
  let result: T;
  try {
    result = look(schema);
  } catch (error) {
    detach();
    throw error;
  }
  if (result instanceof Promise) return result.finally(detach) as T;
  detach();
  return result;
}

/// Switches the copy at `path` to a rollback journal (a copy of a WAL library is a WAL file,
/// which would leave -wal and -shm files beside it whenever it is read) and checks it.
export function sealCopy(db: Database.Database, path: string): CopyCheck {
  return withAttached(db, path, (schema) => {
    try {
      db.pragma(`${schema}.journal_mode = DELETE`);
      const findings = db.prepare(`PRAGMA ${schema}.integrity_check(3)`).pluck().all() as string[];
      if (findings.join() !== 'ok') return { damage: findings.join('\n').replace(/\s*\n\s*/g, '; '), notALibrary: null };
    } catch (error) {
      return { damage: error instanceof Error ? error.message : String(error), notALibrary: null };
    }
    return { damage: null, notALibrary: libraryProblem(db, schema) };
  });
}

function libraryProblem(db: Database.Database, schema: string): string | null {
  const tables = new Set(db.prepare(`SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table'`).pluck().all() as string[]);
  const missing = libraryTables.filter((table) => !tables.has(table));
  if (missing.length > 0) return `it has no ${missing.join(', ')} table${missing.length === 1 ? '' : 's'}`;
  if ((db.pragma(`${schema}.user_version`, { simple: true }) as number) < 1) return 'it has no schema version';
  return null;
}
