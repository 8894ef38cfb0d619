import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startApp } from './harness.ts';

const fraud = `Joint statement on cooperation against online fraud

18 March 2024

The Coastal Telecommunications Authority and the Northern Data Protection Office agreed to exchange early warnings.`;

const spectrum = `Regional regulators meet on spectrum planning

2 February 2023

Three regulators met to compare their spectrum plans for the coming decade.`;

const report = `Annual report on consumer complaints

30 June 2024

The office published its annual report on consumer complaints.`;

const titles = {
  fraud: 'Joint statement on cooperation against online fraud',
  spectrum: 'Regional regulators meet on spectrum planning',
  report: 'Annual report on consumer complaints',
};

const shownTitles = (page: Page) => page.locator('.library-item .library-title').allTextContents();

/// Waits until the library list shows exactly `expected`, in that order.
async function expectList(page: Page, expected: string[]): Promise<void> {
  await page.waitForFunction(
    (expected) => JSON.stringify([...document.querySelectorAll('.library-item .library-title')].map((e) => e.textContent)) === JSON.stringify(expected),
    expected,
  ).catch(() => undefined);
  assert.deepEqual(await shownTitles(page), expected);
}

test('an analyst narrows the library by tag, date range and source, reloads, and clears the filters', async (t) => {
  const app = await startApp(t, [
    { name: 'fraud.txt', text: fraud },
    { name: 'spectrum.txt', text: spectrum },
    { name: 'report.txt', text: report },
  ]);
  const { page, library } = app;
  const service = library.service;
  const [fraudId, spectrumId, reportId] = app.documentIds as [number, number, number];
  await service.updateDocument({ id: fraudId, source: 'Coastal Telecommunications Authority' });
  await service.updateDocument({ id: spectrumId, source: 'Regional Regulators Forum' });
  await service.updateDocument({ id: reportId, source: 'Coastal Telecommunications Authority' });
  const actors = await service.createTag({ name: 'Actors', color: '#1c7ed6' });
  const regulator = await service.createTag({ name: 'Regulator', parentId: actors.id, color: '#0c8599' });
  await service.createTag({ name: 'Cooperation', color: '#2b8a3e' });
  const { text } = await service.getDocument({ id: fraudId });
  const start = text.indexOf('Coastal Telecommunications Authority');
  await service.createAnnotation({ documentId: fraudId, start, end: start + 36, tagIds: [regulator.id] });

  await page.goto(app.host.url);
  await expectList(page, [titles.report, titles.fraud, titles.spectrum]);
  const tag = page.getByRole('combobox', { name: 'Filter by tag' });
  const source = page.getByRole('combobox', { name: 'Filter by source' });
  const from = page.getByLabel('Published from');
  const to = page.getByLabel('Published to');
  const clear = page.getByRole('button', { name: 'Clear', exact: true });
  assert.deepEqual(await tag.locator('option').allTextContents(), ['All tags', 'Actors', 'Actors › Regulator', 'Cooperation'], 'the codebook as paths');
  assert.deepEqual(await source.locator('option').allTextContents(), ['All sources', 'Coastal Telecommunications Authority (2)', 'Regional Regulators Forum (1)']);
  assert.equal(await clear.isDisabled(), true, 'nothing to clear yet');

  // 1. The parent tag finds the document whose highlight carries its sub-tag; chosen from the keyboard.
  await tag.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await tag.inputValue(), String(actors.id));
  await expectList(page, [titles.fraud]);
  assert.equal(await page.locator('.library-item .library-count').textContent(), '1', 'the count stays on a filtered list');
  await tag.selectOption({ label: 'Cooperation' });
  await expectList(page, []);
  await tag.selectOption('');
  await expectList(page, [titles.report, titles.fraud, titles.spectrum]);

  // 2. A date range (inclusive), then a source, narrow the list together.
  await from.fill('2023-02-02');
  await to.fill('2024-03-18');
  await expectList(page, [titles.fraud, titles.spectrum]);
  await source.selectOption({ label: 'Coastal Telecommunications Authority (2)' });
  await expectList(page, [titles.fraud]);
  await tag.selectOption({ label: 'Actors' });
  await expectList(page, [titles.fraud]);

  // 3. A reload keeps the filters: they live in the URL beside the token.
  const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
  assert.deepEqual([hash.get('tag'), hash.get('from'), hash.get('to'), hash.get('source')], [String(actors.id), '2023-02-02', '2024-03-18', 'Coastal Telecommunications Authority']);
  assert.ok(hash.get('token'), 'the token stays');
  await page.reload();
  await expectList(page, [titles.fraud]);
  assert.equal(await tag.inputValue(), String(actors.id));
  assert.equal(await from.inputValue(), '2023-02-02');
  assert.equal(await to.inputValue(), '2024-03-18');
  assert.equal(await source.inputValue(), 'Coastal Telecommunications Authority');

  // 4. A range that ends before it starts is refused next to the dates; the list stays.
  await to.fill('2023-01-01');
  await page.getByRole('alert').filter({ hasText: 'The “To” date comes before the “From” date' }).waitFor();
  assert.deepEqual(await shownTitles(page), [titles.fraud]);

  // 5. No match says so and offers to clear; Clear in the bar shows every document.
  await to.fill('2023-12-31');
  await page.getByText('No document matches these filters.').waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'The “To” date' }).count(), 0, 'the refusal goes once the range is in order');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expectList(page, [titles.report, titles.fraud, titles.spectrum]);
  assert.equal(await from.inputValue(), '');
  await source.selectOption({ label: 'Regional Regulators Forum (1)' });
  await expectList(page, [titles.spectrum]);
  await clear.click();
  await expectList(page, [titles.report, titles.fraud, titles.spectrum]);
  assert.equal(new URL(page.url()).hash.includes('source='), false, 'cleared filters leave the URL');

  // 6. The list follows a change made elsewhere (libraryChanged).
  await source.selectOption({ label: 'Regional Regulators Forum (1)' });
  await expectList(page, [titles.spectrum]);
  await service.updateDocument({ id: reportId, source: 'Regional Regulators Forum' });
  await expectList(page, [titles.report, titles.spectrum]);
});
