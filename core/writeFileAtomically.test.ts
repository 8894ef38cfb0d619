import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './testing/tempLibrary.ts';
import { writeFileAtomically } from './writeFileAtomically.ts';

const temporaryName = /^\.export\.csv\.\d+\.[0-9a-f]{8}\.tmp$/;

test('a file is written whole, then replaced whole, and no temporary file stays behind', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'export.csv');
  await writeFileAtomically(path, 'excerpt,tag\n"Experts will meet",Commitment\n');
  assert.equal(readFileSync(path, 'utf8'), 'excerpt,tag\n"Experts will meet",Commitment\n');
  await writeFileAtomically(path, Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]));
  assert.deepEqual([...readFileSync(path)], [0xef, 0xbb, 0xbf, 0x41]);
  assert.deepEqual(readdirSync(dir), ['export.csv']);
});

test('a write that fails leaves what was there, and no temporary file', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'export.csv');
  // A folder where the file should go: the rename over it fails after the data was written.
  mkdirSync(path);
  writeFileSync(join(path, 'inside.txt'), 'kept');
  await assert.rejects(writeFileAtomically(path, 'new'), { code: 'EISDIR' });
  assert.equal(readFileSync(join(path, 'inside.txt'), 'utf8'), 'kept');
  assert.deepEqual(readdirSync(dir), ['export.csv']);
  await assert.rejects(writeFileAtomically(join(dir, 'no-such-folder', 'export.csv'), 'new'), { code: 'ENOENT' });
});

/// Starts a process that writes 64 MB over `path` and kills it (SIGKILL) as soon as its
/// temporary file shows: in the middle of the write. Resolves with whether it was cut off.
function killMidWrite(path: string): Promise<boolean> {
  const dir = join(path, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
    import(${JSON.stringify(join(import.meta.dirname, 'writeFileAtomically.ts'))})
      .then((m) => m.writeFileAtomically(${JSON.stringify(path)}, Buffer.alloc(64 * 1024 * 1024, 'B')))
      .then(() => console.log('written'));`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (readdirSync(dir).some((name) => temporaryName.test(name))) child.kill('SIGKILL');
    }, 1);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve(signal === 'SIGKILL' && !output.includes('written'));
    });
  });
}

test('a process killed in the middle of a write leaves the old file whole', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'export.csv');
  const old = 'A'.repeat(100_000);
  writeFileSync(path, old);
  let cutOff = 0;
  for (let attempt = 0; attempt < 5 && cutOff < 2; attempt++) {
    const killed = await killMidWrite(path);
    const content = readFileSync(path, 'latin1');
    // Old or new, but whole: never a mix, never short.
    assert.ok(content === old || (content.length === 64 * 1024 * 1024 && /^B+$/.test(content)), `attempt ${attempt}: ${content.length} bytes`);
    if (!killed) continue;
    cutOff++;
    assert.equal(content, old, 'cut off before the rename: the old file, whole');
    assert.ok(readdirSync(dir).some((name) => temporaryName.test(name)), 'the cut fell on the temporary file');
  }
  assert.ok(cutOff >= 1, 'at least one write was cut off in the middle');
});
