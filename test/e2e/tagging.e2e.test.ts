import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startApp } from './harness.ts';

const statement = `Joint statement on cooperation against online fraud

18 March 2024

Lisbon — The Coastal Telecommunications Authority and the Northern Data Protection Office today agreed to exchange early warnings about fraudulent messaging campaigns.

Both offices will share anonymised complaint data every month and publish a joint report each year.`;

const older = `Regional regulators meet on spectrum planning

2 February 2023

Three regulators met to compare their spectrum plans for the coming decade.`;

const firstPassage = 'agreed to exchange early warnings';
// Overlaps the first passage on "early warnings".
const secondPassage = 'early warnings about fraudulent messaging';

test('an analyst tags two overlapping passages, reloads, and deletes one', async (t) => {
  const app = await startApp(t, [
    { name: 'fraud.txt', text: statement },
    { name: 'spectrum.txt', text: older },
  ]);
  const { page, library } = app;
  const service = library.service;
  const actors = await service.createTag({ name: 'Actors', color: '#1c7ed6' });
  await service.createTag({ name: 'Regulator', parentId: actors.id, color: '#0c8599' });
  const cooperation = await service.createTag({ name: 'Cooperation', color: '#2b8a3e' });
  const commitment = await service.createTag({ name: 'Commitment', color: '#ae3ec9' });
  const documentId = app.documentIds[0]!;

  await page.goto(app.host.url);
  const libraryItems = page.locator('.library-item .library-title');
  await libraryItems.first().waitFor();
  assert.deepEqual(await libraryItems.allTextContents(), [
    'Joint statement on cooperation against online fraud',
    'Regional regulators meet on spectrum planning',
  ], 'newest first');
  await page.getByRole('button', { name: /Joint statement on cooperation/ }).click();
  await page.locator('.document-text').waitFor();

  // 1. Drag over a passage, filter the codebook, apply an existing tag with Enter.
  await dragOver(page, firstPassage);
  const filter = page.getByRole('combobox', { name: 'Find or create a tag' });
  // The picker's own choices: the library's filter selects have options too.
  const codebook = page.getByRole('listbox', { name: 'Codebook' });
  const choices = codebook.getByRole('option');
  await filter.waitFor();
  assert.ok(await filter.evaluate((input) => input === document.activeElement), 'the filter field has the focus');
  await page.keyboard.type('coop');
  assert.deepEqual(await choices.allTextContents(), ['Cooperation', 'Create tag “coop”']);
  assert.equal(await codebook.getByRole('option', { selected: true }).textContent(), 'Cooperation');
  await page.keyboard.press('Enter');
  await page.locator('.excerpt-highlight').first().waitFor();
  assert.equal(await filter.count(), 0, 'the picker closes');

  // 2. Shift+arrows over an overlapping passage, T opens the picker, create a tag from it.
  await clickBefore(page, secondPassage);
  await page.keyboard.down('Shift');
  for (let i = 0; i < secondPassage.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.up('Shift');
  assert.equal(await filter.count(), 0, 'a keyboard selection opens nothing by itself');
  await page.keyboard.press('t');
  await filter.waitFor();
  await page.keyboard.type('Information sharing');
  assert.deepEqual(await choices.allTextContents(), ['Create tag “Information sharing”']);
  await page.keyboard.press('Enter');
  await page.locator('.annotation').nth(1).waitFor();

  // 3. From the sidebar, select the first highlight again and add a second tag to it
  //    (Escape leaves the picker with the passage still selected; Enter reopens it).
  await page.locator('.annotation-quote', { hasText: firstPassage }).click();
  await page.keyboard.press('t');
  await filter.waitFor();
  await page.keyboard.press('Escape');
  await filter.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('document-text')), true, 'Escape returns to the text');
  assert.equal(await page.evaluate(() => getSelection()?.toString()), firstPassage);
  await page.keyboard.press('Enter');
  await filter.waitFor();
  await page.keyboard.type('commit');
  await page.keyboard.press('Enter');
  await page.locator('.annotation').first().locator('.tag-chip-name', { hasText: 'Commitment' }).waitFor();

  const stored = await service.listAnnotations({ documentId });
  assert.deepEqual(stored.map((a) => a.exact), [firstPassage, secondPassage], 'exact is the selected text');
  const created = (await service.listTags({})).find((tag) => tag.name === 'Information sharing');
  assert.ok(created, 'the picker created the tag');
  assert.deepEqual(stored.map((a) => a.tagIds), [[cooperation.id, commitment.id], [created.id]], 'one highlight with two tags, no duplicate');
  const [first, second] = stored as [typeof stored[0], typeof stored[0]];

  // Highlights made in this session keep the key they were made under (undo names them so).
  await expectHighlights(page, { [-1]: firstPassage, [-2]: secondPassage });
  assert.equal(await layerCount(page, '-1 -2'), 3, 'the overlap draws one underline per tag of each highlight');

  // 4. A reload shows the same document with the same highlights and sidebar.
  await page.reload();
  await page.locator('.excerpt-highlight').first().waitFor();
  await expectHighlights(page, { [first.id]: firstPassage, [second.id]: secondPassage });
  assert.deepEqual(await page.locator('.annotation-quote').allTextContents(), [firstPassage, secondPassage]);
  assert.deepEqual(await page.locator('.annotation').first().locator('.tag-chip-name').allTextContents(), ['Cooperation', 'Commitment']);
  const count = page.locator('.library-item[aria-current="page"] .library-count');
  assert.equal(await count.textContent(), '2', 'the library counts the highlights');

  // 5. Deleting from the sidebar removes the entry and its highlight.
  await page.getByRole('button', { name: `Delete highlight “${secondPassage}”` }).click();
  await page.locator('.annotation').nth(1).waitFor({ state: 'detached' });
  await expectHighlights(page, { [first.id]: firstPassage });
  assert.deepEqual((await service.listAnnotations({ documentId })).map((a) => a.id), [first.id]);
  await page.waitForFunction(() => document.querySelector('.library-item[aria-current="page"] .library-count')?.textContent === '1');
  assert.deepEqual(app.pageProblems, []);
});

/// The text each highlight key (a saved annotation's id) covers in the editor, joined across its segments.
async function expectHighlights(page: Page, expected: Record<number, string>): Promise<void> {
  const drawn = await page.evaluate(() => {
    const text: Record<string, string> = {};
    for (const element of document.querySelectorAll<HTMLElement>('.document-text .excerpt-highlight')) {
      for (const id of (element.dataset.highlightKeys ?? '').split(' ')) text[id] = (text[id] ?? '') + element.textContent;
    }
    return text;
  });
  assert.deepEqual(drawn, Object.fromEntries(Object.entries(expected)));
}

/// How many underlines the segment covered by exactly `ids` draws (one gradient per layer, plus the tint).
async function layerCount(page: Page, ids: string): Promise<number> {
  const images = await page.locator(`.excerpt-highlight[data-highlight-keys="${ids}"]`).evaluate((element) => getComputedStyle(element).backgroundImage);
  return (images.match(/linear-gradient/g)?.length ?? 0) - 1;
}

/// Screen points just inside the first and last characters of `phrase` in the document text.
async function phraseBounds(page: Page, phrase: string) {
  return page.evaluate((phrase) => {
    const editor = document.querySelector('.document-text')!;
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const whole = nodes.map((n) => n.data).join('');
    const start = whole.indexOf(phrase);
    if (start < 0) throw new Error(`"${phrase}" is not in the document`);
    // A loop, not a helper function: tsx would wrap a named function in a helper the page lacks.
    const rects: DOMRect[] = [];
    for (const offset of [start, start + phrase.length - 1]) {
      let rest = offset;
      for (const node of nodes) {
        if (rest < node.length) {
          const range = document.createRange();
          range.setStart(node, rest);
          range.setEnd(node, rest + 1);
          rects.push(range.getBoundingClientRect());
          break;
        }
        rest -= node.length;
      }
    }
    const [first, last] = rects as [DOMRect, DOMRect];
    return {
      start: { x: first.left + 1, y: first.top + first.height / 2 },
      end: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  }, phrase);
}

async function dragOver(page: Page, phrase: string): Promise<void> {
  const { start, end } = await phraseBounds(page, phrase);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

async function clickBefore(page: Page, phrase: string): Promise<void> {
  const { start } = await phraseBounds(page, phrase);
  await page.mouse.click(start.x, start.y);
}
