import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupReason, LibraryBackup } from '../../common/types.ts';
import { tempDir } from '../testing/tempLibrary.ts';
import { backupsFolder, listBackups, newBackupName, partialName } from './backupFiles.ts';
import { backupsToRemove, KEEP_BEFORE_CHANGES, KEEP_DAYS, KEEP_NEWEST, rotateBackups } from './rotation.ts';

const HOUR = 60 * 60 * 1000;
/// Noon (UTC) on 1 March 2026 plus `hours`. Within three hours either side, the same calendar
/// day in every time zone within nine hours of UTC.
const at = (hours: number) => new Date(Date.UTC(2026, 2, 1, 12) + hours * HOUR);

function backup(hours: number, reason: BackupReason = 'scheduled'): LibraryBackup {
  const takenAt = at(hours).toISOString().replace(/\.\d+Z$/, 'Z');
  return { file: `${takenAt}-${reason}`, path: '', takenAt, size: 1, reason };
}

/// Newest first, as listBackups gives them.
const newestFirst = (backups: LibraryBackup[]) => [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt));

test('the rules: the newest ten, the newest of each of seven days, the newest three copies before a change', () => {
  assert.deepEqual([KEEP_NEWEST, KEEP_DAYS, KEEP_BEFORE_CHANGES], [10, 7, 3]);

  // A busy afternoon of backups every quarter of an hour: the newest ten stay.
  const afternoon = newestFirst(Array.from({ length: 16 }, (_, i) => backup(i / 4)));
  assert.deepEqual(backupsToRemove(afternoon), afternoon.slice(10));

  // Nine working days with two backups each, a fortnight's holiday in the middle: beyond the
  // newest ten (the last five days), the later backup of the two days before the holiday stays.
  const days = [0, 1, 2, 3, 18, 19, 20, 21, 22].map((day) => day * 24);
  const fortnight = newestFirst(days.flatMap((hours) => [backup(hours - 2), backup(hours + 2)]));
  const removed = backupsToRemove(fortnight);
  const kept = fortnight.filter((b) => !removed.includes(b));
  assert.deepEqual(kept, [...fortnight.slice(0, 10), fortnight[10], fortnight[12]]);

  // Copies taken before a restore or an upgrade outlast a busy afternoon, the newest three of them.
  const safety = [backup(-3, 'before-restore'), backup(-2.5, 'before-upgrade'), backup(-2, 'before-restore'), backup(-1.5, 'before-restore')];
  const busy = newestFirst([...safety, ...Array.from({ length: 12 }, (_, i) => backup(i / 4, 'manual'))]);
  assert.deepEqual(backupsToRemove(busy), [...busy.slice(10, 12), safety[0]]);
  assert.deepEqual(backupsToRemove([]), []);
});

test('rotateBackups removes what no rule keeps, only among this library’s backups, and backups abandoned half-written', (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'library.sqlite');
  const folder = backupsFolder(path);
  mkdirSync(folder);
  const written = Array.from({ length: 12 }, (_, i) => {
    const file = newBackupName(path, 'scheduled', at(i / 4));
    writeFileSync(join(folder, file), 'a backup');
    return file;
  });
  const neighbours = ['notes.txt', newBackupName(join(dir, 'other.sqlite'), 'scheduled', at(-1))];
  // Left for two days by a process that may still run; left by a process killed a moment ago,
  // with SQLite's journal beside it.
  const abandoned = partialName(newBackupName(path, 'scheduled', at(-48)), 1);
  const ended = spawnSync(process.execPath, ['-e', '']).pid!;
  const killed = partialName(newBackupName(path, 'scheduled', at(2)), ended);
  // Being written by this process, and by another one that runs.
  const underWay = partialName(newBackupName(path, 'manual', at(3)));
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
  t.after(() => other.kill());
  const otherUnderWay = partialName(newBackupName(path, 'manual', at(3)), other.pid);
  for (const file of [...neighbours, abandoned, killed, `${killed}-journal`, underWay, otherUnderWay]) writeFileSync(join(folder, file), 'not ours to remove, or under way');
  utimesSync(join(folder, abandoned), at(-48), at(-48));

  rotateBackups(path, at(3).getTime());
  assert.deepEqual(listBackups(path).map((b) => b.file), written.slice(2).reverse());
  assert.deepEqual(readdirSync(folder).sort(), [...neighbours, underWay, otherUnderWay, ...written.slice(2)].sort());
});

test('a backup taken in a second whose earlier backups rotation thinned out is the newest, and is kept', (t) => {
  const path = join(tempDir(t), 'library.sqlite');
  const folder = backupsFolder(path);
  mkdirSync(folder);
  for (let i = 0; i <= KEEP_NEWEST; i++) writeFileSync(join(folder, newBackupName(path, 'manual', at(0))), 'a backup');
  rotateBackups(path, at(0).getTime());
  const next = newBackupName(path, 'manual', at(0));
  writeFileSync(join(folder, next), 'a backup');
  rotateBackups(path, at(0).getTime());
  assert.equal(listBackups(path)[0]?.file, next);
});
