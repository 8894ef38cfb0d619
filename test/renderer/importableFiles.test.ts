import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchangeExtensions } from '../../common/exchangeFiles.ts';
import { importableExtensions as coreExtensions } from '../../core/import/index.ts';
import { folderFiles, importAccept, isHiddenPath, isImportable, refusalBeforeReading } from '../../renderer/src/importableFiles.ts';

test('the window offers exactly the formats the library reads, and the files it exchanges with other tools', () => {
  assert.deepEqual([...importAccept.split(',')].sort(), [...coreExtensions, ...exchangeExtensions].sort());
});

test('a chosen folder gives its documents by path; hidden files and other formats are counted', () => {
  const file = new File(['x'], 'x');
  const paths = ['press/b.txt', 'press/a.PDF', 'press/.DS_Store', 'press/.git/config.txt', 'press/photo.jpg', 'press/2021/c.docx', 'press/README'];
  const { picked, skipped } = folderFiles(paths.map((path) => ({ file, path })));
  assert.deepEqual(picked.map((p) => p.name), ['press/2021/c.docx', 'press/a.PDF', 'press/b.txt']);
  assert.equal(skipped, 4);
  assert.equal(isImportable('.md'), false, 'a hidden file named like an extension');
  assert.equal(isHiddenPath('a/.b/c.txt'), true);
});

test('a file too large to read without freezing the window is refused, naming the limit', () => {
  assert.equal(refusalBeforeReading(60 * 1024 * 1024), null);
  assert.match(refusalBeforeReading(200 * 1024 * 1024)!, /^it is 200 MB, larger than the 50 MB Excerpt imports\./);
});
