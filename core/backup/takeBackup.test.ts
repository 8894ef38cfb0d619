import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { openLibrary } from '../library.ts';
import { openDatabase } from '../db/open.ts';
import { tempDir, tempLibrary, textFile } from '../testing/tempLibrary.ts';
import { backupsFolder, listBackups } from './backupFiles.ts';
import { takeBackup, takeBackupSync } from './takeBackup.ts';

/// Opens a copy of the backup at `path` as a library and checks it whole: SQLite's integrity
/// check and the full-text index's own; returns its documents' titles.
function openedAsLibrary(t: TestContext, path: string): string[] {
  const copy = join(tempDir(t), 'library.sqlite');
  copyFileSync(path, copy);
  const library = openLibrary(copy);
  try {
    assert.equal(library.db.prepare('PRAGMA integrity_check').pluck().get(), 'ok');
    library.db.prepare("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)").run();
    return library.db.prepare('SELECT title FROM documents ORDER BY id').pluck().all() as string[];
  } finally {
    library.close();
  }
}

test('a backup is a whole, checked, self-contained copy in the backups folder, named for its time and reason', async (t) => {
  const library = tempLibrary(t);
  await library.service.importFiles({ files: [textFile('a.txt', 'First statement\n\nOn consultations.')] });

  const backup = await takeBackup(library.db, 'manual');
  assert.equal(backup.path, join(backupsFolder(library.path), backup.file));
  assert.match(backup.file, /^library-\d{8}-\d{6}-manual\.sqlite$/);
  assert.ok(Math.abs(Date.parse(backup.takenAt) - Date.now()) < 5000, backup.takenAt);
  assert.equal(backup.size, readFileSync(backup.path).length);
  // One file: a rollback journal, not WAL, so no -wal or -shm beside it once read.
  assert.equal(readFileSync(backup.path)[18], 1);
  assert.deepEqual(openedAsLibrary(t, backup.path), ['First statement']);
  assert.deepEqual(readdirSync(backupsFolder(library.path)), [backup.file]);
  assert.deepEqual(listBackups(library.path), [backup]);
});

test('backups taken in the same second get names of their own, newest listed first', async (t) => {
  const library = tempLibrary(t);
  const [a, b] = await Promise.all([takeBackup(library.db, 'scheduled'), takeBackup(library.db, 'manual')]);
  const c = takeBackupSync(library.db, 'before-upgrade');
  assert.equal(new Set([a.file, b.file, c.file]).size, 3);
  const listed = listBackups(library.path).map((backup) => backup.file);
  assert.deepEqual(new Set(listed), new Set([a.file, b.file, c.file]));
  if (a.takenAt === c.takenAt) assert.equal(listed[0], c.file);
});

/// A library of about 2 MB, so that a backup takes a few dozen steps of a hundred pages.
async function sizeableLibrary(t: TestContext) {
  const library = tempLibrary(t);
  const files = Array.from({ length: 40 }, (_, i) => textFile(`${i}.txt`, `Statement ${i}\n\n${'On the convention against information crime. '.repeat(1000)}`));
  await library.service.importFiles({ files });
  return library;
}
const sizeableTitles = Array.from({ length: 40 }, (_, i) => `Statement ${i}`);

test('a backup taken while another connection imports in a loop passes integrity_check and opens as a library', async (t) => {
  const library = await sizeableLibrary(t);
  const stop = new Int32Array(new SharedArrayBuffer(4));
  // Another connection, in another thread, commits documents (with their full-text rows) as fast as it can.
  const importer = new Worker(`
    const { workerData, parentPort } = require('node:worker_threads');
    const Database = require(workerData.betterSqlite3);
    const db = new Database(workerData.path);
    db.pragma('busy_timeout = 5000');
    const add = db.prepare("INSERT INTO documents (title, imported_at, content_hash, doc_json, text) VALUES (?, '2026-01-01T00:00:00.000Z', '', '{}', ?)");
    const stop = new Int32Array(workerData.stop);
    let added = 0;
    parentPort.postMessage('started');
    while (Atomics.load(stop, 0) === 0) {
      db.transaction(() => { for (let i = 0; i < 10; i++) add.run('Imported ' + ++added, 'Text of the imported statement. '.repeat(100)); })();
    }
    db.close();
    parentPort.postMessage(added);
  `, { eval: true, workerData: { betterSqlite3: createRequire(import.meta.url).resolve('better-sqlite3'), path: library.path, stop: stop.buffer } });
  const messages: unknown[] = [];
  const finished = new Promise<number>((resolve, reject) => {
    importer.on('message', (message) => (messages.push(message), typeof message === 'number' && resolve(message)));
    importer.on('error', reject);
  });
  while (messages.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));

  const backups = [];
  for (let i = 0; i < 2; i++) backups.push(await takeBackup(library.db, 'scheduled'));
  Atomics.store(stop, 0, 1);
  const added = await finished;

  const imported = backups.map((backup) => {
    const titles = openedAsLibrary(t, backup.path);
    assert.deepEqual(titles.slice(0, 40), sizeableTitles);
    return titles.length - 40;
  });
  // Whole transactions only (the importer commits ten documents at a time), each backup later than the one before.
  for (const count of imported) assert.equal(count % 10, 0, `${count} imported documents`);
  assert.deepEqual([...imported].sort((a, b) => a - b), imported);
  assert.ok(imported[1]! > 0 && imported[1]! <= added, `${imported} of ${added}`);
});

test('a backup taken while imports run on the same connection holds whole imports and passes integrity_check', async (t) => {
  const library = await sizeableLibrary(t);
  let backingUp = true;
  const backup = takeBackup(library.db, 'scheduled').finally(() => (backingUp = false));
  // One import between each of the backup's steps.
  let imported = 0;
  while (backingUp) {
    const result = await library.service.importFiles({ files: [textFile(`new-${imported}.txt`, `Release ${imported}\n\n${'A new paragraph. '.repeat(150)}`)] });
    assert.equal(result.imported.length, 1);
    imported++;
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.ok(imported > 1, `${imported} imports ran while the backup was taken`);
  const titles = openedAsLibrary(t, (await backup).path);
  assert.deepEqual(titles.slice(0, 40), sizeableTitles);
  // This connection's commits go into the copy as they happen: it holds every import finished before it completed.
  assert.deepEqual(titles.slice(40), Array.from({ length: titles.length - 40 }, (_, i) => `Release ${i}`));
  assert.ok(titles.length - 40 >= imported - 1, `${titles.length - 40} of ${imported}`);
});

test('a backup that fails is removed and says why; the library is as it was', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'library.sqlite');
  const library = openLibrary(path);
  await library.service.importFiles({ files: [textFile('a.txt', `Kept statement\n\n${'Some text. '.repeat(20_000)}`)] });
  // The connection closes half-way through the copy (the app quitting).
  const backingUp = takeBackup(library.db, 'scheduled');
  setImmediate(() => library.close());
  await assert.rejects(backingUp, /could not back up the library \(The database connection is not open\)\. No backup was kept/);
  assert.deepEqual(readdirSync(backupsFolder(path)), []);
  assert.deepEqual(openedAsLibrary(t, path), ['Kept statement']);
});

test('a copy that fails its integrity check is not kept', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'damaged.sqlite');
  const db = openDatabase(path);
  db.exec('CREATE TABLE notes (text TEXT); CREATE INDEX notes_by_text ON notes (text)');
  const add = db.prepare('INSERT INTO notes VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 5000; i++) add.run(`note ${i} ${'.'.repeat(50)}`);
  })();
  db.close();
  // A disk fault in the middle of the file; the online backup copies pages as they are.
  const bytes = readFileSync(path);
  bytes.fill(0x55, 4096 * 20, 4096 * 20 + 600);
  writeFileSync(path, bytes);

  const damaged = openDatabase(path);
  t.after(() => damaged.close());
  await assert.rejects(takeBackup(damaged, 'manual'), /the copy failed its integrity check \(.*malformed.*\)\. No backup was kept/);
  assert.deepEqual(readdirSync(backupsFolder(path)), []);
});
