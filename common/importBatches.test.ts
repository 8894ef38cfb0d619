import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempLibrary } from '../core/testing/tempLibrary.ts';
import { importInBatches, planImportBatches, type ImportProgress } from './importBatches.ts';

test('batches hold at most so many files and so many bytes; a file too large for any travels alone', () => {
  const sizes = [5, 5, 5, 30, 5, 5, 5, 5];
  const batches = planImportBatches(sizes.map((size, i) => ({ i, size })), (item) => item.size, { files: 3, bytes: 12 });
  assert.deepEqual(batches.map((batch) => batch.map((item) => item.i)), [[0, 1], [2], [3], [4, 5], [6, 7]]);
  assert.deepEqual(planImportBatches([], () => 1), []);
});

const release = (n: number) => ({
  name: `release-${n}.txt`,
  text: `Statement number ${n} on cooperation\n\n${n} March 2024\n\nThe ministries agreed on point ${n}.`,
});

test('an import in batches reaches the real service, counts across calls and names unreadable files', async (t) => {
  const { service } = tempLibrary(t);
  const items = [release(1), release(2), { name: 'gone.txt', text: '' }, release(3), release(4), release(1)];
  const seen: ImportProgress[] = [];
  let calls = 0;
  const { result, cancelled } = await importInBatches({
    items,
    nameOf: (item) => item.name,
    sizeOf: (item) => item.text.length,
    read: async (item) => {
      if (item.name === 'gone.txt') throw new Error('it could not be read (the file was moved)');
      return Buffer.from(item.text).toString('base64');
    },
    importFiles: (args) => {
      calls++;
      return service.importFiles(args);
    },
    onServiceProgress: (listener) => service.on('importProgress', listener),
    onProgress: (progress) => seen.push(progress),
    cancelled: () => false,
    limits: { files: 2, bytes: 1_000_000 },
  });
  assert.equal(calls, 3);
  assert.equal(cancelled, 0);
  assert.deepEqual(result.imported.map((d) => d.name), ['release-1.txt', 'release-2.txt', 'release-3.txt', 'release-4.txt']);
  assert.deepEqual(result.duplicates.map((d) => d.name), ['release-1.txt']);
  assert.deepEqual(result.failed, [{ name: 'gone.txt', reason: 'it could not be read (the file was moved)' }]);
  assert.equal((await service.listDocuments({})).length, 4);
  for (const progress of seen) assert.equal(progress.total, 6);
  const dones = seen.map((p) => p.done);
  assert.deepEqual(dones, [...dones].sort((a, b) => a - b), 'progress only moves forward');
  assert.deepEqual(seen.at(-1), { done: 6, total: 6, current: 'release-1.txt' });
});

test('Cancel stops further batches; the batch under way finishes', async (t) => {
  const { service } = tempLibrary(t);
  let stop = false;
  const { result, cancelled } = await importInBatches({
    items: [1, 2, 3, 4, 5].map(release),
    nameOf: (item) => item.name,
    sizeOf: () => 1,
    read: async (item) => Buffer.from(item.text).toString('base64'),
    importFiles: async (args) => {
      stop = true; // pressed while the first batch is on its way
      return service.importFiles(args);
    },
    onServiceProgress: (listener) => service.on('importProgress', listener),
    onProgress: () => {},
    cancelled: () => stop,
    limits: { files: 2, bytes: 1_000_000 },
  });
  assert.equal(result.imported.length, 2);
  assert.equal(cancelled, 3);
  assert.equal((await service.listDocuments({})).length, 2);
});

test('a call the library refuses fails its own files and the import goes on', async (t) => {
  const { service } = tempLibrary(t);
  const { result } = await importInBatches({
    items: [release(1), { name: '', text: 'no name' }, release(2)],
    nameOf: (item) => item.name,
    sizeOf: () => 1,
    read: async (item) => Buffer.from(item.text).toString('base64'),
    importFiles: (args) => service.importFiles(args),
    onServiceProgress: (listener) => service.on('importProgress', listener),
    onProgress: () => {},
    cancelled: () => false,
    limits: { files: 2, bytes: 1_000_000 },
  });
  assert.deepEqual(result.imported.map((d) => d.name), ['release-2.txt']);
  assert.deepEqual(result.failed.map((f) => f.name), ['release-1.txt', '']);
  assert.match(result.failed[0]!.reason, /files\.1\.name/);
});
