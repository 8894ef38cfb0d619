import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultLibraryPath } from '../core/libraryPath.ts';
import { tempDir } from '../core/testing/tempLibrary.ts';
import { runExcerpt } from './runExcerpt.ts';

test('$EXCERPT_DB names the library and --db overrides it, before or after the command', async (t) => {
  const dir = tempDir(t);
  const fromEnv = join(dir, 'env.sqlite');
  const fromFlag = join(dir, 'flag.sqlite');
  const file = join(dir, 'release.txt');
  writeFileSync(file, 'A statement on the ITU\n\n2020-01-02\n\nText.\n');
  const env = { EXCERPT_DB: fromEnv };

  assert.equal((await runExcerpt(['import', file], { home: dir, env })).status, 0);
  assert.ok(existsSync(fromEnv));
  assert.equal((await runExcerpt(['docs'], { home: dir, env })).stdout, '1\t2020-01-02\tA statement on the ITU\n');

  const other = await runExcerpt(['--db', fromFlag, 'import', file], { home: dir, env });
  assert.equal(other.status, 0, other.stderr);
  assert.equal(other.stdout, '1\tA statement on the ITU\n', 'a new library, not a duplicate in the one $EXCERPT_DB names');
  assert.equal((await runExcerpt(['docs', '--db', fromFlag], { home: dir, env })).stdout, '1\t2020-01-02\tA statement on the ITU\n');
});

test('without --db or $EXCERPT_DB the desktop app\'s library is used; a reading command does not create one', async (t) => {
  const home = tempDir(t);
  const env = { XDG_CONFIG_HOME: join(home, 'config'), APPDATA: join(home, 'config') };
  const result = await runExcerpt(['docs'], { home, env });
  const expected = defaultLibraryPath({ env, platform: process.platform, home });
  assert.ok(expected.startsWith(home));
  assert.equal(result.status, 1);
  assert.ok(result.stderr.includes(`there is no library at ${expected}`), result.stderr);
  assert.ok(!existsSync(expected));
});

test('bin/excerpt runs as an executable from any folder', async (t) => {
  const dir = tempDir(t);
  const result = await runExcerpt(['--help'], { home: dir, cwd: dir, direct: true });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^Usage: excerpt \[--db PATH\] COMMAND/);
});
