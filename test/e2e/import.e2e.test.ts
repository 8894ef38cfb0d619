import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp } from './harness.ts';

const existing = `Regional regulators meet on spectrum planning

2 February 2023

Three regulators met to compare their spectrum plans for the coming decade.`;

const statement = (n: number) => `Ministers agree on consultation round ${n}

${n} March 2024

The ministries of the two countries agreed to hold round ${n} of consultations on information security.`;

const markdown = `# Joint declaration on data exchange

19 November 2021

The parties **welcome** the exchange of *electronic evidence* between their agencies.`;

const html = `<!doctype html><html><head><title>Council statement on network resilience</title>
<meta property="article:published_time" content="2022-05-04T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><script>console.error('should never run')</script>
<article><h1>Council statement on network resilience</h1><p>The Council adopted conclusions on the resilience of communication networks across the region.</p>
<p>Member states will report on their progress within a year.</p></article><footer>© Council</footer></body></html>`;

const file = (name: string, content: string | Buffer, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(content) });

/// Records, from now on, every text the import progress shows (it may come and go quickly).
async function watchProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    document.body.dataset.progressSeen = '[]';
    new MutationObserver(() => {
      const text = document.querySelector('.import-progress-count')?.textContent;
      if (text && seen.at(-1) !== text) {
        seen.push(text);
        document.body.dataset.progressSeen = JSON.stringify(seen);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return async () => JSON.parse((await page.evaluate(() => document.body.dataset.progressSeen)) ?? '[]') as string[];
}

async function reportSection(page: Page, title: string): Promise<string[][]> {
  const items = page.getByRole('dialog', { name: 'Import finished' }).getByRole('region', { name: new RegExp(`^${title}:`) }).locator('li');
  return items.evaluateAll((lis) => lis.map((li) => Array.from(li.children).map((child) => child.textContent ?? '')));
}

test('an analyst imports files with the file input, a folder and a drop; the report names each failure with its reason', async (t) => {
  const app = await startApp(t, [{ name: 'existing.txt', text: existing }]);
  const { page, library } = app;
  await page.goto(app.host.url);
  await page.getByRole('button', { name: /Regional regulators meet/ }).waitFor();

  // 1. The file input: 26 good files (more than one batch), an empty file, junk named .pdf, a duplicate.
  const seenProgress = await watchProgress(page);
  const good = Array.from({ length: 24 }, (_, i) => file(`statement-${String(i + 1).padStart(2, '0')}.txt`, statement(i + 1)));
  await page.getByRole('button', { name: 'Import…' }).focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles([
    ...good,
    file('declaration.md', markdown, 'text/markdown'),
    file('council.html', html, 'text/html'),
    file('empty.txt', ''),
    file('junk.pdf', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)), 'application/pdf'),
    file('again.txt', existing),
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import finished' });
  await dialog.waitFor();
  assert.equal(await dialog.locator('.import-report-summary').textContent(), 'Imported 26 documents; 1 already in the library; 2 not imported.');
  const failed = await reportSection(page, 'Not imported');
  assert.deepEqual(failed.map(([name]) => name), ['empty.txt', 'junk.pdf']);
  for (const [name, reason] of failed) assert.ok((reason ?? '').length > 10, `${name} has a reason: ${reason}`);
  assert.deepEqual(await reportSection(page, 'Already in the library'), [['again.txt', 'already in the library as “Regional regulators meet on spectrum planning”']]);
  const imported = await reportSection(page, 'Imported');
  assert.deepEqual(imported.slice(-2), [
    ['declaration.md', 'Joint declaration on data exchange'],
    ['council.html', 'Council statement on network resilience'],
  ]);
  const progress = await seenProgress();
  assert.ok(progress.includes('Importing 0 of 29'), `progress shows done/total: ${JSON.stringify(progress)}`);
  assert.ok(progress.some((text) => /Importing (2[5-9]) of 29/.test(text)), `progress counts across batches: ${JSON.stringify(progress)}`);
  assert.equal(await page.locator('.import-progress').count(), 0, 'the progress goes when the import ends');

  // The report closes with Escape; the library lists the new documents.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /Council statement on network resilience/ }).waitFor();
  assert.equal((await library.service.listDocuments({})).length, 27);

  // 2. A folder: read recursively; hidden files and other formats are skipped and counted.
  const folder = mkdtempSync(join(tmpdir(), 'excerpt-e2e-folder-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  mkdirSync(join(folder, 'press', '2024'), { recursive: true });
  writeFileSync(join(folder, 'press', '2024', 'round-40.txt'), statement(40));
  writeFileSync(join(folder, 'press', 'round-41.md'), statement(41));
  writeFileSync(join(folder, 'press', '.hidden.txt'), statement(42));
  writeFileSync(join(folder, 'press', 'photo.jpg'), 'not a press release');
  const folderChooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import folder…' }).click();
  await (await folderChooser).setFiles(join(folder, 'press'));
  await dialog.waitFor();
  assert.deepEqual((await reportSection(page, 'Imported')).map(([name]) => name), ['press/2024/round-40.txt', 'press/round-41.md']);
  assert.equal(await dialog.locator('.import-report-note').textContent(), '2 files in the folders were skipped: hidden, or not a format Excerpt reads.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });

  // 3. Files dropped on the window: an overlay while dragging, then the same import.
  const overlay = page.locator('.drop-overlay');
  await page.evaluate((texts) => {
    const transfer = new DataTransfer();
    texts.forEach((text, i) => transfer.items.add(new File([text], `dropped-${i + 1}.txt`, { type: 'text/plain' })));
    const target = document.querySelector('.reading')!;
    for (const type of ['dragenter', 'dragover']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    (window as unknown as { excerptDrop: DataTransfer }).excerptDrop = transfer;
  }, [statement(50), statement(51)]);
  await overlay.waitFor();
  assert.match((await overlay.textContent()) ?? '', /Drop to import/);
  await page.evaluate(() => {
    const transfer = (window as unknown as { excerptDrop: DataTransfer }).excerptDrop;
    document.querySelector('.reading')!.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  await dialog.waitFor();
  assert.equal(await overlay.count(), 0, 'the overlay goes on drop');
  assert.deepEqual((await reportSection(page, 'Imported')).map(([, title]) => title), [
    'Ministers agree on consultation round 50',
    'Ministers agree on consultation round 51',
  ]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /consultation round 51/ }).click();
  await page.locator('.document-text').waitFor();
  assert.match((await page.locator('.document-text').textContent()) ?? '', /round 51 of consultations/);
  assert.deepEqual(app.pageProblems, []);
});

test('an analyst corrects a document’s details; the library checks them and keeps them', async (t) => {
  const app = await startApp(t, [{ name: 'statement.txt', text: statement(7) }]);
  const { page, library } = app;
  const id = app.documentIds[0]!;
  await page.goto(`${app.host.url}&doc=${id}`);
  await page.locator('.document-text').waitFor();

  await page.getByRole('button', { name: /^Edit details of/ }).click();
  const form = page.getByRole('form', { name: 'Document details' });
  assert.equal(await page.evaluate(() => document.activeElement?.id.endsWith('-title')), true, 'the title field has the focus');
  const titleField = form.getByLabel('Title');
  const urlField = form.getByLabel('URL');
  await titleField.fill('  ');
  await form.getByLabel('Date').fill('2024-03-19');
  await form.getByLabel('Source').fill('Ministry of Foreign Affairs');
  await urlField.fill('ftp://example.org/statement');
  await form.getByRole('button', { name: 'Save details' }).click();
  await page.waitForFunction(() => document.querySelector('input[type="url"]')?.getAttribute('aria-invalid') === 'true');
  const problemOf = async (field: typeof urlField) => page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`).textContent();
  assert.equal(await problemOf(titleField), 'A document needs a title.');
  assert.equal(await problemOf(urlField), 'A source URL starts with http:// or https://.');
  assert.equal(await page.evaluate(() => document.activeElement?.id.endsWith('-title')), true, 'the focus goes to the first field to correct');
  assert.equal((await library.service.getDocument({ id })).title, 'Ministers agree on consultation round 7', 'nothing saved yet');

  await titleField.fill('Ministers agree on a seventh consultation round');

  await urlField.fill('https://example.org/statement');
  await urlField.press('Enter');
  await form.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Edit details');
  assert.equal(await page.locator('.document-title').textContent(), 'Ministers agree on a seventh consultation round');
  assert.match(await page.locator('.document-meta').textContent() ?? '', /19 Mar 2024 · Ministry of Foreign Affairs/);
  await page.locator('.library-item', { hasText: 'a seventh consultation round' }).waitFor();

  await page.reload();
  await page.locator('.document-text').waitFor();
  assert.equal(await page.locator('.document-title').textContent(), 'Ministers agree on a seventh consultation round');
  assert.match(await page.locator('.library-item[aria-current="page"] .library-meta').textContent() ?? '', /19 Mar 2024 · Ministry of Foreign Affairs/);
  const stored = await library.service.getDocument({ id });
  assert.deepEqual([stored.title, stored.published, stored.source, stored.sourceUrl], [
    'Ministers agree on a seventh consultation round', '2024-03-19', 'Ministry of Foreign Affairs', 'https://example.org/statement',
  ]);

  // Escape leaves the form without saving.
  await page.getByRole('button', { name: /^Edit details of/ }).click();
  await page.getByRole('form', { name: 'Document details' }).getByLabel('Title').fill('Something else');
  await page.keyboard.press('Escape');
  await page.getByRole('form', { name: 'Document details' }).waitFor({ state: 'detached' });
  assert.equal((await library.service.getDocument({ id })).title, 'Ministers agree on a seventh consultation round');
  assert.deepEqual(app.pageProblems, []);
});

const original = `Joint statement on cooperation against online fraud

18 March 2024

Lisbon — The two authorities today agreed to exchange early warnings about fraudulent messaging campaigns.

Both offices will share anonymised complaint data every month and publish a joint report each year.`;

// Re-issued: the first paragraph is gone, the second is unchanged.
const reissued = `Joint statement on cooperation against online fraud

18 March 2024

Lisbon — The authorities postponed their cooperation until the autumn.

Both offices will share anonymised complaint data every month and publish a joint report each year.`;

test('a re-issued document shows the highlight it could not place for review; discarding removes it', async (t) => {
  const app = await startApp(t, [{ name: 'fraud.txt', text: original }]);
  const { page, library } = app;
  const { service } = library;
  const id = app.documentIds[0]!;
  const tag = await service.createTag({ name: 'Cooperation', color: '#2b8a3e' });
  const { text } = await service.getDocument({ id });
  const lost = 'agreed to exchange early warnings';
  const kept = 'share anonymised complaint data';
  for (const quote of [lost, kept]) {
    const start = text.indexOf(quote);
    await service.createAnnotation({ documentId: id, start, end: start + quote.length, tagIds: [tag.id], note: quote === lost ? 'key commitment' : '' });
  }
  await page.goto(`${app.host.url}&doc=${id}`);
  await page.locator('.excerpt-highlight').first().waitFor();
  assert.equal(await page.locator('.review-item').count(), 0);

  // Re-imported through the service (as the CLI or another window would): the page follows.
  const result = await service.importFiles({ files: [{ name: 'fraud-v2.txt', bytes: Buffer.from(reissued).toString('base64') }] });
  assert.deepEqual(result.revised.map((r) => [r.id, r.carried, r.toReview]), [[id, 1, 1]]);
  const item = page.locator('.review-item');
  await item.waitFor();
  assert.match(await page.locator('#review-heading').textContent() ?? '', /To review \(1\)/);
  assert.equal(await item.locator('.review-exact').textContent(), lost);
  assert.match(await item.locator('.review-context').first().textContent() ?? '', /two authorities today $/);
  assert.equal(await item.locator('.review-reason').textContent(), 'could not be placed in the new revision');
  assert.deepEqual(await item.locator('.tag-chip-name').allTextContents(), ['Cooperation']);
  assert.equal(await item.locator('.review-note').textContent(), 'key commitment');
  assert.match(await page.locator('.document-text').textContent() ?? '', /postponed their cooperation/);
  assert.deepEqual(await page.locator('.annotation-quote').allTextContents(), [kept]);
  const badge = page.locator('.library-item[aria-current="page"] .library-review');
  await badge.waitFor();
  assert.equal(await badge.textContent(), '1 to review');

  await page.getByRole('button', { name: `Discard “${lost}” from the review list` }).click();
  await item.waitFor({ state: 'detached' });
  await badge.waitFor({ state: 'detached' });
  assert.deepEqual(await service.listReviewItems({ documentId: id }), []);
  assert.deepEqual(app.pageProblems, []);
});
