import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startApp } from './harness.ts';
import { downTo, drawn, eventually, selected } from './editorKeys.ts';

const statement = `Ministers agree on a roadmap for digital cooperation

12 June 2025

The ministers agreed to deepen cooperation on cybersecurity. They will meet again in the autumn.

Both delegations support the role of the ITU in setting technical standards for networks.

The sides noted the importance of protecting critical infrastructure from attacks.`;

const other = `Regional regulators compare spectrum plans

3 March 2025

Three regulators met to compare their spectrum plans for the coming decade.`;

const titles = {
  roadmap: 'Ministers agree on a roadmap for digital cooperation',
  spectrum: 'Regional regulators compare spectrum plans',
};
const quotes = {
  cyber: 'The ministers agreed to deepen cooperation on cybersecurity.',
  itu: 'the role of the ITU',
  infrastructure: 'The sides noted the importance of protecting critical infrastructure from attacks.',
};

/// Waits until the library list shows exactly `expected`, in that order.
async function expectList(page: Page, expected: string[]): Promise<void> {
  await eventually(async () => assert.deepEqual(await page.locator('.library-item .library-title').allTextContents(), expected));
}

const hashParam = (page: Page, name: string) => new URLSearchParams(new URL(page.url()).hash.slice(1)).get(name);

test('an analyst deletes two highlights’ text, finds them from the library, re-attaches one, discards the other, and reloads', async (t) => {
  const app = await startApp(t, [{ name: 'roadmap.txt', text: statement }, { name: 'spectrum.txt', text: other }]);
  const { page, library } = app;
  const service = library.service;
  const documentId = app.documentIds[0]!;
  const cooperation = await service.createTag({ name: 'Cooperation', color: '#2b8a3e' });
  const itu = await service.createTag({ name: 'ITU role', color: '#0c8599' });
  const { text: original } = await service.getDocument({ id: documentId });
  const at = (quote: string) => ({ start: original.indexOf(quote), end: original.indexOf(quote) + quote.length });
  const cyber = await service.createAnnotation({ documentId, ...at(quotes.cyber), tagIds: [cooperation.id], note: 'First commitment on cyber.', exact: quotes.cyber });
  const ituRole = await service.createAnnotation({ documentId, ...at(quotes.itu), tagIds: [itu.id], note: 'Names the ITU.', exact: quotes.itu });

  await page.goto(app.host.url);
  await expectList(page, [titles.roadmap, titles.spectrum]);
  const reviewLine = page.getByRole('button', { name: /to review in/ });
  assert.equal(await reviewLine.count(), 0, 'no line while nothing waits for review');
  await page.locator('.library-item', { hasText: titles.roadmap }).click();
  await page.getByRole('article', { name: titles.roadmap }).waitFor();
  const text = page.locator('.document-text');
  await text.focus();

  // 1. In editing mode, the whole text of each highlight is deleted: ] selects it, Backspace deletes it.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press(']');
  assert.equal(await selected(page), quotes.cyber);
  await page.keyboard.press('Control+e');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await page.keyboard.press(']');
  assert.equal(await selected(page), quotes.itu);
  await page.keyboard.press('Control+e');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  assert.deepEqual(await drawn(page), [], 'neither highlight is drawn any more');

  // 2. Both wait in the document's review list, with their quotes, tags and notes.
  const review = page.getByRole('region', { name: /To review/ });
  await review.waitFor();
  await eventually(async () => assert.deepEqual(await review.locator('.review-exact').allTextContents(), [quotes.cyber, quotes.itu]));
  assert.deepEqual(await review.locator('.review-reason').allTextContents(), ['its text was deleted', 'its text was deleted']);
  await eventually(async () => {
    const items = await service.listReviewItems({ documentId });
    assert.deepEqual(items.map((i) => [i.id, i.exact, i.reason, i.tagIds, i.note]), [
      [cyber.id, quotes.cyber, 'deleted', [cooperation.id], 'First commitment on cyber.'],
      [ituRole.id, quotes.itu, 'deleted', [itu.id], 'Names the ITU.'],
    ]);
  });
  assert.deepEqual(await service.listAnnotations({ documentId }), []);

  // 3. The library says how many wait, and where; the line filters the list to those documents.
  const waiting = page.getByRole('button', { name: '2 highlights to review in 1 document' });
  await waiting.waitFor();
  assert.equal(await waiting.getAttribute('aria-pressed'), 'false');
  await waiting.click();
  await expectList(page, [titles.roadmap]);
  assert.equal(await waiting.getAttribute('aria-pressed'), 'true');
  assert.equal(hashParam(page, 'review'), '1', 'the filter is kept in the URL');
  await waiting.click();
  await expectList(page, [titles.roadmap, titles.spectrum]);
  assert.equal(await waiting.getAttribute('aria-pressed'), 'false');
  assert.equal(hashParam(page, 'review'), null);
  // A reload keeps the filter; Clear takes it off like any other.
  await waiting.click();
  await expectList(page, [titles.roadmap]);
  await page.reload();
  await expectList(page, [titles.roadmap]);
  assert.equal(await waiting.getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expectList(page, [titles.roadmap, titles.spectrum]);
  assert.equal(await waiting.getAttribute('aria-pressed'), 'false');
  await waiting.click();
  await expectList(page, [titles.roadmap]);

  // 4. Another passage is selected by keys; "Re-attach to selection" puts the first item back on it.
  await review.waitFor();
  await text.focus();
  await page.keyboard.press('Control+Home');
  await downTo(page, 'The sides');
  await page.keyboard.press('s');
  assert.equal(await selected(page), quotes.infrastructure);
  await page.locator(`[data-review-id="${cyber.id}"]`).getByRole('button', { name: /^Re-attach/ }).click();
  await page.locator(`[data-review-id="${cyber.id}"]`).waitFor({ state: 'detached' });
  assert.deepEqual(await drawn(page), [quotes.infrastructure], 'the highlight is drawn on the new passage');
  await eventually(async () => {
    const [placed, ...more] = await service.listAnnotations({ documentId });
    assert.deepEqual(more, []);
    assert.deepEqual([placed?.id, placed?.exact, placed?.tagIds, placed?.note], [cyber.id, quotes.infrastructure, [cooperation.id], 'First commitment on cyber.']);
    const { text: now } = await service.getDocument({ id: documentId });
    assert.equal(now.slice(placed!.start, placed!.end), quotes.infrastructure, 'its offsets cover the new passage');
    assert.deepEqual((await service.listReviewItems({ documentId })).map((i) => i.id), [ituRole.id]);
  });
  await page.getByRole('button', { name: '1 highlight to review in 1 document' }).waitFor();

  // 5. Discarding the other takes it out of the list and the library. With the filter still on,
  // the line says none is left, and the emptied list offers to clear the filters.
  await page.locator(`[data-review-id="${ituRole.id}"]`).getByRole('button', { name: /^Discard/ }).click();
  await review.waitFor({ state: 'detached' });
  await eventually(async () => assert.deepEqual(await service.reviewSummary({}), { items: 0, documents: 0 }));
  assert.equal(library.db.prepare('SELECT count(*) FROM annotations WHERE id = ?').pluck().get(ituRole.id), 0, 'the discarded highlight is gone');
  const noneLeft = page.getByRole('button', { name: 'No highlights left to review' });
  await noneLeft.waitFor();
  assert.equal(await noneLeft.getAttribute('aria-pressed'), 'true');
  await page.getByText('No document matches these filters.').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expectList(page, [titles.roadmap, titles.spectrum]);
  await noneLeft.waitFor({ state: 'detached' });
  assert.equal(await reviewLine.count(), 0, 'the count line is gone');

  // 6. A reload shows the re-attached highlight on its new passage, and nothing to review.
  await page.reload();
  await page.locator('.excerpt-highlight').first().waitFor();
  assert.deepEqual(await drawn(page), [quotes.infrastructure]);
  assert.equal(await review.count(), 0);
  assert.equal(await page.getByRole('button', { name: /to review/ }).count(), 0);
});
