/// Holds SQLite's automatic WAL checkpoints while a long write (an import) runs. Left alone,
/// every commit past 1000 WAL pages copies the pages the full-text index just rewrote back
/// into the database file, with an fsync each time: during an import that costs more than
/// the inserts. Instead the WAL grows while imports run, and one checkpoint follows once
/// they have rested a moment (not between the batches of one large import).
import type Database from 'better-sqlite3';

/// How long the library must be free of imports before the held checkpoint runs.
export const CHECKPOINT_DELAY_MS = 1000;

interface Hold {
  count: number;
  autocheckpoint: number;
  timer?: NodeJS.Timeout;
}

const holds = new WeakMap<Database.Database, Hold>();

/// Stops automatic checkpoints until the returned function is called (holds may nest).
export function holdCheckpoints(db: Database.Database): () => void {
  let hold = holds.get(db);
  if (!hold) {
    hold = { count: 0, autocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }) as number };
    holds.set(db, hold);
  }
  clearTimeout(hold.timer);
  if (hold.count++ === 0) db.pragma('wal_autocheckpoint = 0');
  const held = hold;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--held.count > 0 || !db.open) return;
    db.pragma(`wal_autocheckpoint = ${held.autocheckpoint}`);
    held.timer = setTimeout(() => {
      if (held.count > 0 || !db.open) return;
      holds.delete(db);
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // The next commit's automatic checkpoint, or closing the library, does it instead.
      }
    }, CHECKPOINT_DELAY_MS);
    held.timer.unref();
  };
}
