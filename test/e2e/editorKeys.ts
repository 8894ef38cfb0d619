/// Driving and reading the document editor in Chromium tests: waiting for saves, moving the
/// caret by keys, reading the selection and the drawn highlights.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/// Waits until `check` stops throwing (saves reach the library a moment after the key).
export async function eventually(check: () => Promise<void>, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/// Presses ArrowDown until the caret is in the paragraph that starts with `start`, then Home:
/// how many lines a heading takes depends on the fonts.
export async function downTo(page: Page, start: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const block = await page.evaluate(() => getSelection()?.focusNode?.parentElement?.closest('p, h1, h2, h3, li')?.textContent ?? '');
    if (block.startsWith(start)) {
      await page.keyboard.press('Home');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`the caret never reached the paragraph starting “${start}”`);
}

/// After a dialog over the text closes, ProseMirror (on regaining the focus) puts its own
/// selection back on the page 20 ms later; a caret key pressed before that would be undone.
export const settle = (page: Page) => page.waitForTimeout(100);

/// Ctrl+Home until the caret is at the start of the text. Right after a panel closes,
/// ProseMirror may still put its own selection back over a caret the browser just moved
/// (see settle); the key is then pressed again, as an analyst would.
export async function toStart(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.keyboard.press('Control+Home');
    const atStart = await page.waitForFunction(() => {
      const selection = getSelection();
      const first = document.querySelector('.document-text')?.firstElementChild;
      return !!selection && selection.isCollapsed && selection.anchorOffset === 0 && !!first?.contains(selection.anchorNode);
    }, undefined, { timeout: 1000 }).then(() => true, () => false);
    // Still there a moment later: nothing put an older selection back.
    if (atStart && (await page.waitForTimeout(150), await page.evaluate(() => getSelection()?.anchorOffset === 0))) return;
  }
  assert.fail('Ctrl+Home never brought the caret to the start of the text');
}

/// The page's selection as text.
export const selected = (page: Page) => page.evaluate(() => getSelection()?.toString() ?? '');

/// Waits for the page's selection to read `text` (a key's effect shows a moment later under load).
export async function expectSelected(page: Page, text: string): Promise<void> {
  try {
    await page.waitForFunction((text) => getSelection()?.toString() === text, text, { timeout: 5000 });
  } catch {
    assert.equal(await page.evaluate(() => getSelection()?.toString() ?? ''), text, 'the selection');
  }
}

/// The text each highlight covers in the editor, by key, joined across its segments.
export async function drawn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const text: Record<string, string> = {};
    for (const element of document.querySelectorAll<HTMLElement>('.document-text .excerpt-highlight')) {
      for (const key of (element.dataset.highlightKeys ?? '').split(' ')) text[key] = (text[key] ?? '') + element.textContent;
    }
    return text;
  });
  return Object.values(texts).sort();
}
