/// SQL of the saved excerpt queries: a name and the filter as JSON.
import type Database from 'better-sqlite3';

/// A saved query as stored: its filter still JSON text, checked when read.
export interface SavedQueryRow {
  id: number;
  name: string;
  filter: string;
  savedAt: string;
}

/// The saved-query statements of one database.
export type SavedQueryStore = ReturnType<typeof savedQueryStore>;

export function savedQueryStore(db: Database.Database) {
  const all = db.prepare<[], SavedQueryRow>('SELECT id, name, filter, saved_at AS savedAt FROM saved_queries ORDER BY name, id');
  const byName = db.prepare<[string], number>('SELECT id FROM saved_queries WHERE name = ?').pluck();
  const insert = db.prepare<{ name: string; filter: string; savedAt: string }>('INSERT INTO saved_queries (name, filter, saved_at) VALUES (@name, @filter, @savedAt)');
  const replace = db.prepare<{ id: number; name: string; filter: string; savedAt: string }>('UPDATE saved_queries SET name = @name, filter = @filter, saved_at = @savedAt WHERE id = @id');
  const remove = db.prepare<[number]>('DELETE FROM saved_queries WHERE id = ?');
  return {
    /// Every saved query, by name.
    list(): SavedQueryRow[] {
      return all.all();
    },
    /// Saves `filter` under `name` (ignoring case), replacing a query of that name; its id.
    save(name: string, filter: string, savedAt: string): number {
      const existing = byName.get(name);
      if (existing === undefined) return Number(insert.run({ name, filter, savedAt }).lastInsertRowid);
      replace.run({ id: existing, name, filter, savedAt });
      return existing;
    },
    /// Whether a query was there to delete.
    delete(id: number): boolean {
      return remove.run(id).changes > 0;
    },
  };
}
