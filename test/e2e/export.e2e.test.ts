import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { startApp } from './harness.ts';
import { eventually } from './editorKeys.ts';

const harbour = `Harbour authority announces new ferry timetable

4 February 2026

Night crossings resume in May. Fares stay flat until 2027.`;

const bridge = `Заявление о мосте

20 февраля 2026

Мост через реку откроется весной 😊.`;

/// Exports in `format` from the dialog (scope as given) and returns the downloaded file's name and bytes.
async function exportAs(page: Page, label: RegExp, scope?: RegExp): Promise<{ name: string; bytes: Uint8Array }> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export excerpts' });
  await dialog.getByRole('radio', { name: label }).check();
  if (scope) await dialog.getByRole('radio', { name: scope }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  await dialog.waitFor({ state: 'hidden' });
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile((await download.path())!)) };
}

test('an analyst exports the tagged excerpts from the browser as a table, a Word brief and a REFI-QDA project (only those of the documents listed, or all), and imports the project back', async (t) => {
  const app = await startApp(t, [{ name: 'harbour.txt', text: harbour }, { name: 'bridge.txt', text: bridge }]);
  const { page, library } = app;
  const { service } = library;
  const transport = await service.createTag({ name: 'Transport', color: '#3a7bd5' });
  const bridges = await service.createTag({ name: 'Bridges', color: '#aa0033' });
  const [harbourId, bridgeId] = app.documentIds as [number, number];
  const highlight = async (documentId: number, quote: string, tagIds: number[], note = '') => {
    const { text } = await service.getDocument({ id: documentId });
    const start = text.indexOf(quote);
    await service.createAnnotation({ documentId, start, end: start + quote.length, tagIds, note });
  };
  await highlight(harbourId, 'Night crossings resume in May.', [transport.id], 'Check the date.');
  await highlight(bridgeId, 'Мост через реку откроется весной 😊.', [transport.id, bridges.id]);

  await page.goto(app.host.url);
  await page.locator('.library-item').first().waitFor();

  // 1. CSV: every excerpt, read back by an independent parser.
  const csv = await exportAs(page, /CSV table/);
  assert.match(csv.name, /^excerpts-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = Papa.parse<Record<string, string>>(new TextDecoder().decode(csv.bytes).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  assert.deepEqual(rows.errors, []);
  assert.deepEqual(rows.data.map((row) => [row.excerpt, row.note]).sort(), [['Night crossings resume in May.', 'Check the date.'], ['Мост через реку откроется весной 😊.', '']]);
  await eventually(async () => assert.match(await page.locator('.message-region').textContent() ?? '', /Excerpts exported: excerpts-.*\.csv/));

  // 2. A binary format arrives as the bytes of a zip (a Word document).
  const word = await exportAs(page, /Word brief/);
  assert.match(word.name, /\.docx$/);
  assert.ok(strFromU8(unzipSync(word.bytes)['word/document.xml']!).includes('Night crossings resume in May.'));

  // 3. With the library filtered to the documents holding a tag, the export takes only those, unless told otherwise.
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption({ label: 'Bridges' });
  await eventually(async () => assert.deepEqual(await page.locator('.library-item .library-title').allTextContents(), ['Заявление о мосте']));
  const project = await exportAs(page, /REFI-QDA project/, /document the library list shows/);
  const qde = strFromU8(unzipSync(project.bytes)['project.qde']!);
  assert.deepEqual(qde.match(/<TextSource [^>]*name="[^"]*"/g)?.map((source) => source.replace(/.*name="/, '').slice(0, -1)), ['Заявление о мосте']);
  assert.equal(qde.match(/<Coding /g)?.length, 2, 'the listed document\'s highlight with both its tags');
  const whole = await exportAs(page, /REFI-QDA project/, /the whole library/);
  assert.equal(strFromU8(unzipSync(whole.bytes)['project.qde']!).match(/<TextSource /g)?.length, 2);

  // 4. The project imported back (through Import…) finds everything already in the library.
  await page.getByLabel('Choose press releases to import').setInputFiles({ name: whole.name, mimeType: 'application/zip', buffer: Buffer.from(whole.bytes) });
  await eventually(async () => assert.match(await page.locator('.message-region').textContent() ?? '',
    /\.qdpx: 0 documents, 0 tags and 0 highlights added \(6 already in the library\)\./));
  assert.equal(await page.locator('.library-item').count(), 1, 'the list still filtered, nothing added');
});
