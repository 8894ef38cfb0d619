/// The crash harness's short form, run by `npm test`: 50 kills of real Excerpt processes at
/// random moments, each followed by a check of the library (harness.ts). About 70 s here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempDir } from '../../core/testing/tempLibrary.ts';
import { detailLine, runCrashHarness, summaryLine } from './harness.ts';

test('Excerpt processes killed at random moments lose no acknowledged write and leave the library whole', async (t) => {
  const seed = Math.floor(Math.random() * 1_000_000);
  const report = await runCrashHarness({ kills: 50, seed, dir: tempDir(t, 'excerpt-crash-') });
  t.diagnostic(summaryLine(report));
  t.diagnostic(detailLine(report));
  const replay = `replay with: npm run test:crash -- --kills 50 --seed ${seed}`;
  assert.deepEqual(report.corrupt, [], `no library is corrupt; ${replay}`);
  assert.deepEqual(report.lost, [], `no acknowledged write is lost; ${replay}`);
  assert.deepEqual(report.notWhole, [], `every write is whole or absent; ${replay}`);
  assert.deepEqual(report.surprises, [], `every write is answered or cut off by the kill; ${replay}`);
  assert.ok(report.kills >= 50, `50 kills ran (${report.kills})`);
  assert.ok(report.acknowledged > 0, 'the processes acknowledged writes before their kills');
  assert.ok(report.killsWithWritesInFlight > 0, 'some kills fell while writes were in flight');
});
