import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startApp } from './harness.ts';
import { selected } from './editorKeys.ts';

const release = `Delegations conclude the second round of consultations

4 April 2025

The minister said: “We agree on the text. We will sign it in May.” Talks end on Friday. Both sides thanked the hosts.`;

/// The centre of the `index`-th character of `phrase` in the document text, on screen.
async function pointIn(page: Page, phrase: string, index: number): Promise<{ x: number; y: number }> {
  return page.evaluate(({ phrase, index }) => {
    const editor = document.querySelector('.document-text')!;
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    let text = '';
    const nodes: { node: Text; start: number }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, start: text.length });
      text += node.textContent;
    }
    const at = text.indexOf(phrase) + index;
    const hit = nodes.findLast((n) => n.start <= at)!;
    const range = document.createRange();
    range.setStart(hit.node, at - hit.start);
    range.setEnd(hit.node, at - hit.start + 1);
    const box = range.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, { phrase, index });
}

test('snap mode selects a whole statement with one click, quotes kept whole; a double-click still takes a word; hovering a highlight shows its tags and note', async (t) => {
  const app = await startApp(t, [{ name: 'round.txt', text: release }]);
  const { page, library } = app;
  const actors = await library.service.createTag({ name: 'Actors', color: '#1c7ed6' });
  const minister = await library.service.createTag({ name: 'Minister', parentId: actors.id, color: '#0c8599' });
  const outcome = await library.service.createTag({ name: 'Outcome', color: '#2b8a3e' });
  const stored = await library.service.getDocument({ id: app.documentIds[0]! });
  const start = stored.text.indexOf('Talks end on Friday.');
  await library.service.createAnnotation({
    documentId: stored.id, start, end: start + 'Talks end on Friday.'.length, tagIds: [minister.id, outcome.id], note: 'Date of the close',
  });

  await page.goto(app.host.url);
  await page.getByRole('button', { name: /Delegations conclude/ }).click();
  const text = page.locator('.document-text');
  await text.waitFor();
  const snap = page.getByRole('button', { name: 'Snap to statements' });
  assert.equal(await snap.getAttribute('aria-pressed'), 'false');
  await text.focus();
  await page.keyboard.press('m');
  assert.equal(await snap.getAttribute('aria-pressed'), 'true', 'M turns snap mode on');

  // One click inside the quotation selects the statement with the whole quotation in it.
  const inQuote = await pointIn(page, 'We will sign', 3);
  await page.mouse.click(inQuote.x, inQuote.y);
  const picker = page.getByRole('combobox', { name: 'Find or create a tag' });
  await picker.waitFor();
  // The picker has the focus; the passage it tags stays marked in the text.
  assert.equal((await page.locator('.excerpt-pending').allTextContents()).join(''), 'The minister said: “We agree on the text. We will sign it in May.”');
  await page.keyboard.press('Escape');
  await picker.waitFor({ state: 'detached' });

  // A double-click takes one word, as anywhere else, and the picker offers to tag it.
  const inWord = await pointIn(page, 'thanked', 2);
  await page.mouse.dblclick(inWord.x, inWord.y);
  await picker.waitFor();
  assert.equal((await page.locator('.excerpt-pending').allTextContents()).join('').trim(), 'thanked');
  await page.keyboard.press('Escape');
  await picker.waitFor({ state: 'detached' });

  // With snap mode off, a click only places the cursor.
  await text.focus();
  await page.keyboard.press('m');
  assert.equal(await snap.getAttribute('aria-pressed'), 'false');
  await page.mouse.click(inQuote.x, inQuote.y);
  assert.equal(await selected(page), '');

  // Hovering the highlight shows its tags with their paths, and its note.
  const onHighlight = await pointIn(page, 'Talks end', 2);
  await page.mouse.move(onHighlight.x, onHighlight.y);
  const card = page.locator('.highlight-card');
  await card.waitFor();
  assert.deepEqual(await card.locator('.highlight-card-tags li').allTextContents(), ['Actors › Minister', 'Outcome']);
  assert.equal(await card.locator('.highlight-card-note').textContent(), 'Date of the close');
  await page.mouse.move(5, 5);
  await card.waitFor({ state: 'detached' });
});
