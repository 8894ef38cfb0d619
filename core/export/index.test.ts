import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptySnapshot } from '../testing/exportSample.ts';
import { exportFile } from './index.ts';

test('an export is named after the local day it was made, with the format as extension', async () => {
  const day = new Date(2026, 10, 29, 23, 30);
  assert.deepEqual(await exportFile(emptySnapshot(), 'json', day), { filename: 'excerpts-2026-11-29.json', mimeType: 'application/json', content: '[]\n', encoding: 'utf8' });
  const csv = await exportFile(emptySnapshot(), 'csv', new Date(2027, 0, 5));
  assert.equal(csv.filename, 'excerpts-2027-01-05.csv');
  assert.equal(csv.mimeType, 'text/csv; charset=utf-8');
});
