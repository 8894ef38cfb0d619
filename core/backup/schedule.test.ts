import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { openLibrary } from '../library.ts';
import { tempLibrary } from '../testing/tempLibrary.ts';
import { backupsFolder, listBackups } from './backupFiles.ts';
import { startBackupSchedule } from './schedule.ts';

const TICK_MS = 40;

/// The reasons of the library's backups, once there are `count` of them (after at most ten
/// seconds), then after a few more ticks, in which no other may come.
async function backupsSettleAt(path: string, count: number): Promise<string[]> {
  for (const end = Date.now() + 10_000; listBackups(path).length < count && Date.now() < end;) await sleep(10);
  await sleep(TICK_MS * 4);
  return listBackups(path).map((backup) => backup.reason);
}

test('the schedule backs up at start, then only when the library changed: here, through another connection, or by a restore', async (t) => {
  const library = tempLibrary(t);
  const failures: unknown[] = [];
  const schedule = startBackupSchedule(library, { everyMs: TICK_MS, onError: (error) => failures.push(error) });
  t.after(() => schedule.stop());

  assert.deepEqual(await backupsSettleAt(library.path, 1), ['scheduled']);

  await library.service.createTag({ name: 'Changed here' });
  assert.equal((await backupsSettleAt(library.path, 2)).length, 2);

  const other = openLibrary(library.path);
  await other.service.createTag({ name: 'Changed from the command line' });
  other.close();
  assert.equal((await backupsSettleAt(library.path, 3)).length, 3);

  await library.service.restoreBackup({ file: listBackups(library.path).at(-1)!.file });
  assert.deepEqual(await backupsSettleAt(library.path, 5), ['scheduled', 'before-restore', 'scheduled', 'scheduled', 'scheduled']);

  await schedule.stop();
  await library.service.createTag({ name: 'After the schedule stopped' });
  assert.equal((await backupsSettleAt(library.path, 5)).length, 5);
  assert.deepEqual(failures, []);
});

test('a failed scheduled backup is reported and the schedule goes on', async (t) => {
  const library = tempLibrary(t);
  // A file where the backups folder belongs: every backup fails to make its folder.
  writeFileSync(backupsFolder(library.path), 'not a folder');
  const failures: string[] = [];
  const schedule = startBackupSchedule(library, { everyMs: TICK_MS, onError: (error) => failures.push(String(error)) });
  for (const end = Date.now() + 10_000; failures.length < 2 && Date.now() < end;) await sleep(10);
  await schedule.stop();
  assert.ok(failures.length >= 2, failures.join('\n'));
  assert.match(failures[0]!, /EEXIST|ENOTDIR|not a directory|exists/i);
});

test('a tick that falls while a restore is between its two connections waits for the next', async (t) => {
  const library = tempLibrary(t);
  const failures: unknown[] = [];
  const schedule = startBackupSchedule(library, { everyMs: 1, onError: (error) => failures.push(error) });
  t.after(() => schedule.stop());
  await backupsSettleAt(library.path, 1);
  // A restore is refused while a scheduled backup runs, so each is tried until it gets its turn.
  for (let restores = 0; restores < 5;) {
    try {
      await library.service.restoreBackup({ file: listBackups(library.path)[0]!.file });
      restores++;
    } catch (error) {
      if ((error as { code?: string }).code !== 'conflict') throw error;
      await sleep(1);
    }
  }
  await schedule.stop();
  assert.deepEqual(failures, []);
  assert.ok(listBackups(library.path).some((backup) => backup.reason === 'before-restore'));
});
