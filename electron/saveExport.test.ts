import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { tempDir } from '../core/testing/tempLibrary.ts';
import { writeFileAtomically } from '../core/writeFileAtomically.ts';
import { handleIpcSave } from './ipc.ts';
import type { SaveDesk } from './saveExport.ts';

const page = 'app://excerpt/index.html';
const csv = { filename: 'excerpts-2026-11-30.csv', mimeType: 'text/csv; charset=utf-8', content: '\uFEFFa,b\r\n', encoding: 'utf8' };

/// A desk whose dialog answers `choose` and that writes real files.
function desk(choose: string | null): SaveDesk & { asked: SaveDialogOptions[] } {
  const asked: SaveDialogOptions[] = [];
  return {
    asked,
    ask: async (options) => {
      asked.push(options);
      return choose === null ? { canceled: true } : { canceled: false, filePath: choose };
    },
    write: writeFileAtomically,
  };
}

test('an export is saved where the analyst chooses, offered under its own name and format', async (t) => {
  const path = join(tempDir(t), 'brief.csv');
  const mine = desk(path);
  assert.deepEqual(await handleIpcSave(page, csv, mine), { ok: true, value: { saved: true, path } });
  assert.equal(readFileSync(path, 'utf8'), csv.content);
  assert.equal(mine.asked[0]!.defaultPath, csv.filename);
  assert.deepEqual(mine.asked[0]!.filters, [{ name: 'CSV table', extensions: ['csv'] }]);

  const bytes = Uint8Array.from([80, 75, 3, 4, 0, 255]);
  const zipPath = join(tempDir(t), 'project.qdpx');
  const project = { filename: 'excerpts.qdpx', mimeType: 'application/zip', content: Buffer.from(bytes).toString('base64'), encoding: 'base64' };
  assert.equal((await handleIpcSave(page, project, desk(zipPath))).ok, true);
  assert.deepEqual(new Uint8Array(readFileSync(zipPath)), bytes, 'binary formats are written as bytes');
});

test('a cancelled dialog saves nothing; a folder that cannot be written says so', async (t) => {
  assert.deepEqual(await handleIpcSave(page, csv, desk(null)), { ok: true, value: { saved: false } });
  const reply = await handleIpcSave(page, csv, desk(join(tempDir(t), 'no-such-folder', 'x.csv')));
  assert.equal(reply.ok, false);
  assert.match(!reply.ok ? reply.error.message : '', /could not be saved to .*no-such-folder.*\(ENOENT\)\. Choose a folder you can write to/);
});

test('only the app\'s pages may save, and only a well-formed export with a plain file name', async () => {
  for (const frame of ['https://evil.example/', 'http://127.0.0.1:4310/', null]) {
    const reply = await handleIpcSave(frame, csv, desk('/tmp/never.csv'));
    assert.equal(!reply.ok && reply.error.code, 'forbidden', String(frame));
  }
  for (const file of [null, 'text', { ...csv, filename: '../../etc/passwd' }, { ...csv, encoding: 'hex' }, { ...csv, content: 7 }]) {
    const mine = desk('/tmp/never.csv');
    const reply = await handleIpcSave(page, file, mine);
    assert.equal(!reply.ok && reply.error.code, 'invalid-argument', JSON.stringify(file));
    assert.equal(mine.asked.length, 0, 'no dialog for something that is not an export');
  }
});
