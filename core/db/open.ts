/// Opens (and creates, with its folder) the SQLite file of a library with the pragmas
/// every connection needs. Migrations are a separate step (migrate.ts).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/// How to open the database file.
export interface OpenOptions {
  /// Path of a better-sqlite3 native build to load instead of the one in node_modules
  /// (the Electron main process keeps its own build apart from Node's).
  nativeBinding?: string;
}

/// The open database at `path`, with WAL, foreign keys, a busy timeout and NORMAL sync.
export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // With WAL, NORMAL keeps the database consistent after a crash and only risks the
    // last transactions on power loss; it is what makes one transaction per document cheap.
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
