import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportProgress } from '../common/importBatches.ts';
import { collectFiles } from '../core/import/collectFiles.ts';
import { importableExtensions } from '../core/import/index.ts';
import { tempDir, tempLibrary } from '../core/testing/tempLibrary.ts';
import { describeImportResult, importCollectedFiles, importFilesDialogOptions, importFolderDialogOptions } from './importFiles.ts';

const statement = (title: string) => `${title}\n\n19 November 2021\n\nThe parties agree. 🤝\n`;

test('the dialogs offer every format Excerpt reads, and folders', () => {
  assert.deepEqual(importFilesDialogOptions.filters?.[0]?.extensions, importableExtensions.map((e) => e.slice(1)));
  assert.ok(importFilesDialogOptions.properties?.includes('multiSelections'));
  assert.ok(importFolderDialogOptions.properties?.includes('openDirectory'));
});

test('collected files reach the real service in batches, with progress across them, and the outcome is told', async (t) => {
  const dir = tempDir(t);
  const names = Array.from({ length: 30 }, (_, i) => `statement-${String(i).padStart(2, '0')}.txt`);
  for (const name of names) writeFileSync(path.join(dir, name), statement(`Statement ${name}`));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  const { service } = tempLibrary(t);
  const calls: number[] = [];
  const counting = { ...service, importFiles: (args: Parameters<typeof service.importFiles>[0]) => {
    calls.push(args.files.length);
    return service.importFiles(args);
  } };
  const progress: ImportProgress[] = [];
  const collected = await collectFiles([dir, path.join(dir, 'gone.md')]);
  const report = await importCollectedFiles(counting, collected, (p) => progress.push(p));
  assert.deepEqual(calls, [25, 6], 'at most 25 files per call');
  assert.equal(report.result.imported.length, 30);
  assert.deepEqual(report.result.failed.map((f) => f.name), ['gone.md', `${path.basename(dir)}/empty.txt`]);
  assert.deepEqual(progress.at(-1), { done: 31, total: 31, current: `${path.basename(dir)}/statement-29.txt` });
  assert.ok(progress.every((p) => p.total === 31));

  const again = await importCollectedFiles(service, await collectFiles([path.join(dir, names[0]!)]), () => {});
  const summary = describeImportResult({ ...again, skipped: 2 });
  assert.deepEqual(summary, {
    type: 'info',
    message: 'Imported 0 documents; 1 already in the library.',
    detail: 'statement-00.txt: already in the library as “Statement statement-00.txt”\n\n2 files in the folders were skipped: hidden, or not a format Excerpt reads.',
  });
  const failed = describeImportResult(report);
  assert.equal(failed.type, 'warning');
  assert.match(failed.detail, /^Not imported:\ngone\.md: there is no such file or folder\.\n.*empty\.txt: /);
});

test('a revision is told with what happened to its highlights', () => {
  const summary = describeImportResult({
    result: { imported: [], duplicates: [], revised: [{ name: 'talks.txt', id: 4, title: 'Talks', carried: 3, toReview: 1 }], failed: [] },
    skipped: 0,
    cancelled: 0,
  });
  assert.deepEqual(summary, { type: 'info', message: 'Imported 1 new revision.', detail: 'talks.txt: new revision of “Talks”: 3 highlights carried, 1 to review' });
});
