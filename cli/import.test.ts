import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../core/testing/tempLibrary.ts';
import { runExcerpt } from './runExcerpt.ts';

const release = (title: string) => `${title}\n\n2023-06-27\n\nThe parties discussed ${title.toLowerCase()}.\n`;

test('a folder with good and bad files imports the good ones, names the bad ones and exits 1', async (t) => {
  const dir = tempDir(t);
  const folder = join(dir, 'releases');
  mkdirSync(join(folder, 'nested'), { recursive: true });
  writeFileSync(join(folder, 'a.txt'), release('Alpha statement'));
  writeFileSync(join(folder, 'nested', 'b.md'), `# Beta statement\n\n19 November 2021\n\nSome *words* here.\n`);
  writeFileSync(join(folder, 'empty.txt'), '  \n\n');
  writeFileSync(join(folder, 'binary.txt'), Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01, 0x02]));
  writeFileSync(join(folder, 'scan.tiff'), 'II*\0'); // not a format Excerpt reads: left alone inside a folder
  writeFileSync(join(folder, '.hidden.txt'), release('Hidden statement'));
  const explicit = join(dir, 'notes.rtf');
  writeFileSync(explicit, '{\\rtf1}');

  const result = await runExcerpt(['--db', join(dir, 'library.sqlite'), 'import', folder, explicit, join(dir, 'missing.txt')], { home: dir });
  assert.equal(result.status, 1);
  assert.equal(result.stdout, '1\tAlpha statement\n2\tBeta statement\n');
  const complaints = result.stderr.trimEnd().split('\n');
  assert.equal(complaints.length, 4, result.stderr);
  assert.match(result.stderr, /notes\.rtf was not imported: Excerpt cannot import "\.rtf" files/);
  assert.match(result.stderr, /missing\.txt was not imported: there is no such file or folder/);
  assert.match(result.stderr, /empty\.txt was not imported: it is empty/);
  assert.match(result.stderr, /binary\.txt was not imported: .*binary/);
  assert.doesNotMatch(result.stderr, /scan\.tiff|hidden/);
  for (const line of complaints) assert.match(line, /^excerpt: /);
});

test('a file already in the library is reported with its id, and is not a failure', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'library.sqlite');
  const first = join(dir, 'first.txt');
  const copy = join(dir, 'copy.txt');
  writeFileSync(first, release('Gamma statement'));
  writeFileSync(copy, release('Gamma statement'));

  const result = await runExcerpt(['import', first, copy, '--db', db], { home: dir });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, '1\tGamma statement\n');
  assert.equal(result.stderr, `excerpt: ${copy} is already in the library as document 1 ("Gamma statement"); not imported again.\n`);
  assert.ok(existsSync(db), '--db after the command names the library too');
});

test('a folder without a file Excerpt reads is mentioned, and is not a failure', async (t) => {
  const dir = tempDir(t);
  const folder = join(dir, 'scans');
  mkdirSync(folder);
  writeFileSync(join(folder, 'scan.tiff'), 'II*\0');
  const result = await runExcerpt(['--db', join(dir, 'library.sqlite'), 'import', folder], { home: dir });
  assert.equal(result.status, 0);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^excerpt: .*scans holds no \.txt, .* files; nothing to import from it\.\n$/);
});

test('import without a path is a usage error', async (t) => {
  const dir = tempDir(t);
  const result = await runExcerpt(['--db', join(dir, 'library.sqlite'), 'import'], { home: dir });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^excerpt import: name at least one file or folder to import\.\nRun "excerpt import --help"/);
});
