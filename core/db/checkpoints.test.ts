import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from './open.ts';
import { CHECKPOINT_DELAY_MS, holdCheckpoints } from './checkpoints.ts';
import { tempDir } from '../testing/tempLibrary.ts';

test('checkpoints are held while any hold lasts, then run once the library has rested', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const path = join(tempDir(t), 'library.sqlite');
  const db = openDatabase(path);
  t.after(() => db.close());
  db.exec('CREATE TABLE pages (body TEXT)');
  const autocheckpoint = () => db.pragma('wal_autocheckpoint', { simple: true });
  const fill = () => db.transaction(() => {
    for (let i = 0; i < 1500; i++) db.prepare('INSERT INTO pages VALUES (?)').run(`${i} ${'x'.repeat(4000)}`);
  })();
  const databaseBytes = () => statSync(path).size;
  assert.equal(autocheckpoint(), 1000);

  const first = holdCheckpoints(db);
  const second = holdCheckpoints(db);
  assert.equal(autocheckpoint(), 0);
  const before = databaseBytes();
  fill(); // past 1000 WAL pages: an automatic checkpoint would copy them into the file now
  assert.equal(databaseBytes(), before);

  first();
  first(); // releasing twice counts once
  assert.equal(autocheckpoint(), 0, 'the second hold still stands');
  second();
  assert.equal(autocheckpoint(), 1000);
  t.mock.timers.tick(CHECKPOINT_DELAY_MS - 1);
  assert.equal(databaseBytes(), before, 'not yet: another batch may follow');
  t.mock.timers.tick(1);
  assert.ok(databaseBytes() > before + 1500 * 4000, 'the WAL was copied into the database file');
});

test('a new hold before the delay is over postpones the checkpoint again', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const path = join(tempDir(t), 'library.sqlite');
  const db = openDatabase(path);
  t.after(() => db.close());
  db.exec('CREATE TABLE pages (body TEXT)');
  const before = statSync(path).size;
  holdCheckpoints(db)();
  t.mock.timers.tick(CHECKPOINT_DELAY_MS / 2);
  const release = holdCheckpoints(db);
  db.prepare('INSERT INTO pages VALUES (?)').run('x'.repeat(100_000));
  t.mock.timers.tick(CHECKPOINT_DELAY_MS);
  assert.equal(statSync(path).size, before);
  assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 0);
  release();
  db.close();
  t.mock.timers.tick(CHECKPOINT_DELAY_MS); // a closed library is left alone
});
