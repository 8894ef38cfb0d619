import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './harness.ts';
import { drawn, eventually } from './editorKeys.ts';

const TITLE = 'Joint communiqué of the forty-second session of the working group';
/// 400 numbered paragraphs (about 45,000 characters: several times what opening draws at once).
const paragraphs = Array.from({ length: 400 }, (_, i) =>
  `Paragraph ${i + 1}: the delegations reviewed item ${i + 1} of the agenda on information security and agreed to report back.`);
const communique = [TITLE, '14 May 2025', ...paragraphs].join('\n\n');

test('a long document with many highlights: those far down are drawn after opening, and the sidebar list grows as it is scrolled', async (t) => {
  const app = await startApp(t, [{ name: 'communique.txt', text: communique }]);
  const { page, library } = app;
  const { service } = library;
  const documentId = app.documentIds[0]!;
  const tag = await service.createTag({ name: 'Information security', color: '#5f3dc4' });
  const { text } = await service.getDocument({ id: documentId });
  // One highlight on every fifth paragraph's "item N of the agenda": 80 of them.
  const quotes: string[] = [];
  for (let i = 0; i < paragraphs.length; i += 5) {
    const exact = `item ${i + 1} of the agenda`;
    const start = text.indexOf(`Paragraph ${i + 1}: `) + `Paragraph ${i + 1}: the delegations reviewed `.length;
    await service.createAnnotation({ documentId, start, end: start + exact.length, tagIds: [tag.id], exact });
    quotes.push(exact);
  }

  await page.goto(app.host.url);
  await page.locator('.library-item', { hasText: TITLE }).click();
  await page.getByRole('article', { name: TITLE }).waitFor();
  // Every highlight, down to the last paragraph's, is drawn once the page is idle.
  await eventually(async () => assert.deepEqual(Object.values(await drawn(page)).sort(), [...quotes].sort()));
  await page.locator('.document-text p').last().scrollIntoViewIfNeeded();
  const last = page.locator('.excerpt-highlight', { hasText: quotes.at(-1)! });
  assert.equal(await last.count(), 1, 'the last paragraph shows its highlight');

  // The sidebar shows the first 25 and adds 25 more when its end is scrolled near.
  const items = page.locator('.annotation');
  await eventually(async () => assert.equal(await items.count(), 25));
  assert.equal(await items.first().locator('.annotation-quote').textContent(), quotes[0]);
  const more = page.getByRole('button', { name: /^Show 25 more \(55 not shown\)$/ });
  await more.scrollIntoViewIfNeeded();
  await eventually(async () => assert.ok(await items.count() >= 50, `${await items.count()} shown after scrolling`));
  // The button still works from the keyboard, and goes when everything shows.
  for (let press = 0; press < 4 && (await page.locator('.annotation-more').count()) > 0; press++) {
    await page.locator('.annotation-more').focus();
    await page.keyboard.press('Enter');
  }
  assert.equal(await items.count(), 80);
  assert.equal(await items.last().locator('.annotation-quote').textContent(), quotes.at(-1));
});
