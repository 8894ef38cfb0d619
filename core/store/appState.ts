/// SQL of app_state: small facts the app remembers about one library (e.g. that the
/// first-run samples were offered), as text under a key.
import type Database from 'better-sqlite3';

/// The app-state statements of one database.
export type AppState = ReturnType<typeof appState>;

/// Prepares the app-state statements once for `db`.
export function appState(db: Database.Database) {
  const read = db.prepare<[string], string>('SELECT value FROM app_state WHERE key = ?').pluck();
  const write = db.prepare<[string, string]>(
    'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get(key: string): string | undefined {
      return read.get(key);
    },
    set(key: string, value: string): void {
      write.run(key, value);
    },
  };
}
