import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openLibrary } from '../core/library.ts';
import { tempDir } from '../core/testing/tempLibrary.ts';
import { runExcerpt } from './runExcerpt.ts';

test('docs lists newest first, and --search finds a word', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'library.sqlite');
  const folder = join(dir, 'releases');
  mkdirSync(folder);
  writeFileSync(join(folder, '1.txt'), 'Older statement\n\n3 October 2019\n\nOn the working group.\n');
  writeFileSync(join(folder, '2.txt'), 'Newer statement\n\n2024-02-09\n\nOn the convention against information crime.\n');
  writeFileSync(join(folder, '3.txt'), 'Undated\tstatement\n\nNo date here, only sovereignty.\n');
  const run = (...args: string[]) => runExcerpt(['--db', db, ...args], { home: dir });
  assert.equal((await run('import', folder)).status, 0);

  assert.equal((await run('docs')).stdout, '2\t2024-02-09\tNewer statement\n1\t2019-10-03\tOlder statement\n3\t\tUndated statement\n');
  assert.equal((await run('docs', '--search', 'convention')).stdout, '2\t2024-02-09\tNewer statement\n');
  assert.equal((await run('docs', '--search', 'nothing-like-this')).stdout, '');
});

test('tags prints the codebook as an indented tree with shortcuts', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'library.sqlite');
  const library = openLibrary(db);
  try {
    const { service } = library;
    const governance = await service.createTag({ name: 'Internet governance' });
    await service.createTag({ name: 'ITU role', parentId: governance.id, shortcut: '1' });
    const model = await service.createTag({ name: 'Multistakeholder model', parentId: governance.id });
    await service.createTag({ name: 'Critics', parentId: model.id });
    await service.createTag({ name: 'Actors', shortcut: 'a' });
  } finally {
    library.close();
  }
  const result = await runExcerpt(['tags', '--db', db], { home: dir });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, 'Internet governance\n  ITU role [1]\n  Multistakeholder model\n    Critics\nActors [a]\n');
});
