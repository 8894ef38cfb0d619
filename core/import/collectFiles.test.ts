import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../testing/tempLibrary.ts';
import { collectFiles } from './collectFiles.ts';
import { importableExtensions } from './index.ts';

const statement = (title: string) => `${title}\n\n19 November 2021\n\nThe parties agree. 🤝\n`;

test('a chosen folder is read recursively in name order; hidden files and other formats are skipped and counted', async (t) => {
  const dir = tempDir(t);
  const folder = path.join(dir, 'press');
  mkdirSync(path.join(folder, '2021', 'november'), { recursive: true });
  mkdirSync(path.join(folder, '.git'));
  writeFileSync(path.join(folder, 'b.txt'), statement('B'));
  writeFileSync(path.join(folder, 'a.md'), statement('A'));
  writeFileSync(path.join(folder, '2021', 'november', 'c.TXT'), statement('C'));
  writeFileSync(path.join(folder, '.DS_Store'), 'x');
  writeFileSync(path.join(folder, '.git', 'HEAD'), 'ref');
  writeFileSync(path.join(folder, 'photo.jpg'), 'x');
  // A link back up the tree is followed once, not forever; a dangling one is passed over.
  symlinkSync(folder, path.join(folder, '2021', 'loop'));
  symlinkSync(path.join(dir, 'nowhere.txt'), path.join(folder, 'dangling.txt'));
  const chosen = path.join(dir, 'loose.html');
  writeFileSync(chosen, '<title>Loose</title>');

  const collected = await collectFiles([folder, chosen]);
  assert.deepEqual(collected.files, [
    { path: path.join(folder, '2021', 'november', 'c.TXT'), name: 'press/2021/november/c.TXT', size: Buffer.byteLength(statement('C')) },
    { path: path.join(folder, 'a.md'), name: 'press/a.md', size: Buffer.byteLength(statement('A')) },
    { path: path.join(folder, 'b.txt'), name: 'press/b.txt', size: Buffer.byteLength(statement('B')) },
    { path: chosen, name: 'loose.html', size: Buffer.byteLength('<title>Loose</title>') },
  ]);
  assert.equal(collected.skipped, 4, '.DS_Store, .git, dangling.txt and photo.jpg');
  assert.deepEqual(collected.problems, []);
  assert.deepEqual(collected.emptyFolders, []);
});

test('chosen paths that are missing, unreadable or of another format are problems with their reason, unread', async (t) => {
  const dir = tempDir(t);
  const rtf = path.join(dir, 'notes.rtf');
  const bare = path.join(dir, 'README');
  writeFileSync(rtf, '{\\rtf1}');
  writeFileSync(bare, 'x');
  const missing = path.join(dir, 'gone.md');
  const underFile = path.join(rtf, 'inside.txt');

  const collected = await collectFiles([rtf, missing, bare, underFile]);
  assert.deepEqual(collected.files, []);
  assert.equal(collected.skipped, 0);
  const formats = importableExtensions.join(', ');
  assert.deepEqual(collected.problems, [
    { path: rtf, name: 'notes.rtf', reason: `Excerpt cannot import ".rtf" files yet; it reads ${formats} files.` },
    { path: missing, name: 'gone.md', reason: 'there is no such file or folder.' },
    { path: bare, name: 'README', reason: `Excerpt cannot import files without an extension yet; it reads ${formats} files.` },
    { path: underFile, name: 'inside.txt', reason: 'it cannot be read (ENOTDIR).' },
  ]);
});

test('a chosen folder without a file Excerpt reads is noted as empty', async (t) => {
  const dir = tempDir(t);
  const scans = path.join(dir, 'scans');
  const press = path.join(dir, 'press');
  mkdirSync(scans);
  mkdirSync(press);
  writeFileSync(path.join(scans, 'scan.tiff'), 'II*\0');
  writeFileSync(path.join(press, 'a.txt'), statement('A'));

  const collected = await collectFiles([scans, press]);
  assert.deepEqual(collected.files.map((file) => file.name), ['press/a.txt']);
  assert.equal(collected.skipped, 1);
  assert.deepEqual(collected.emptyFolders, [scans]);
});

test('a folder inside that cannot be read is a problem named from the chosen folder', { skip: process.getuid?.() === 0 ? 'root reads every folder' : false }, async (t) => {
  const dir = tempDir(t);
  const folder = path.join(dir, 'press');
  const locked = path.join(folder, 'locked');
  mkdirSync(locked, { recursive: true });
  writeFileSync(path.join(folder, 'a.txt'), statement('A'));
  chmodSync(locked, 0o000);
  let collected;
  try {
    collected = await collectFiles([folder]);
  } finally {
    chmodSync(locked, 0o755); // so the temp folder can be removed
  }
  assert.deepEqual(collected.files.map((file) => file.name), ['press/a.txt']);
  assert.deepEqual(collected.problems, [{ path: locked, name: 'press/locked', reason: 'it cannot be read (EACCES).' }]);
});
