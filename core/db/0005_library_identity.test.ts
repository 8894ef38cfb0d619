// migrations/0005_library_identity.sql: a library at version 4 gains one random UUID of its
// own, different for every library, and keeps the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDatabase } from './open.ts';
import { migrate, schemaVersion } from './migrate.ts';
import { migrationsUpTo } from '../testing/migrationsUpTo.ts';
import { tempDir } from '../testing/tempLibrary.ts';

test('0005 gives each library a UUID of its own, once', (t) => {
  const dir = tempDir(t);
  const uuids = ['a', 'b'].map((name) => {
    const db = openDatabase(join(dir, `${name}.sqlite`));
    t.after(() => db.close());
    migrate(db, migrationsUpTo(t, 4));
    db.prepare("INSERT INTO tags (name, color) VALUES ('Roles', '#339af0')").run();
    const report = migrate(db, migrationsUpTo(t, 5));
    assert.deepEqual([report.from, report.to, schemaVersion(db)], [4, 5, 5]);
    assert.deepEqual(db.prepare('SELECT name FROM tags').pluck().all(), ['Roles']);
    assert.throws(() => db.prepare("INSERT INTO library_identity (one, uuid) VALUES (2, '00000000-0000-4000-8000-000000000000')").run(), /CHECK constraint failed/);
    return db.prepare('SELECT uuid FROM library_identity').pluck().all() as string[];
  });
  for (const [uuid] of uuids) assert.match(uuid!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(uuids[0]![0], uuids[1]![0]);
});
