/// A library: the SQLite file of one analyst's documents, codebook and highlights,
/// opened, brought up to date and served through the one service.
import type Database from 'better-sqlite3';
import { openDatabase, type OpenOptions } from './db/open.ts';
import { defaultMigrationsDir, migrate } from './db/migrate.ts';
import { createService, type ExcerptService } from './service.ts';

/// An open library: its file, connection and service. The library owns the connection: a
/// restore (through the service) closes it, replaces the file and opens a new one, which `db`
/// then gives.
export interface Library {
  path: string;
  readonly db: Database.Database;
  service: ExcerptService;
  close(): void;
}

/// How to open a library when the defaults do not fit the host.
export interface LibraryOptions extends OpenOptions {
  /// The folder of NNNN_name.sql files, when the host ships them elsewhere (a bundle).
  migrationsDir?: string | URL;
}

/// Opens (or creates, with its folder) the library at `path` and migrates it; throws a
/// MigrationError, with the library left as it was, when it cannot be brought up to date.
export function openLibrary(path: string, options: LibraryOptions = {}): Library {
  let db = openMigrated(path, options);
  return {
    path,
    get db() {
      return db;
    },
    service: createService(db, () => (db = openMigrated(path, options))),
    close() {
      if (!db.open) return;
      // Lets SQLite refresh the statistics its query planner uses, as it advises on close.
      db.pragma('optimize');
      db.close();
    },
  };
}

/// The library file opened and brought up to date; closed again when it cannot be.
function openMigrated(path: string, options: LibraryOptions): Database.Database {
  const db = openDatabase(path, options);
  try {
    migrate(db, options.migrationsDir ?? defaultMigrationsDir());
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
