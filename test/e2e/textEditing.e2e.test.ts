import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './harness.ts';
import { downTo, eventually, toStart } from './editorKeys.ts';

const TITLE = 'Ministers meet in Geneva';
const statement = `${TITLE}

2 April 2025

The ministers met in Geneva.

They agreed to meet again.`;

test('editing the text by keyboard: typed letters go in where the caret is, Backspace and Delete take one whole character (an emoji with its skin tone, a flag), and the library saves it', async (t) => {
  const app = await startApp(t, [{ name: 'geneva.txt', text: statement }]);
  const { page, library } = app;
  const documentId = app.documentIds[0]!;
  await page.goto(app.host.url);
  await page.locator('.library-item', { hasText: TITLE }).click();
  await page.getByRole('article', { name: TITLE }).waitFor();
  const text = page.locator('.document-text');
  await text.focus();
  await toStart(page);
  const paragraph = text.locator('p', { hasText: 'ministers met' });
  const reads = async (expected: string) => eventually(async () => assert.equal(await paragraph.textContent(), expected));

  await downTo(page, 'The ministers met');
  await page.keyboard.press('Control+e');
  await page.keyboard.press('End');
  // Keys of the keyboard arrive as key presses, the others (é, emoji) as text input: both go in.
  await page.keyboard.type(' Both sides agreed');
  await page.keyboard.type(' é 👍🏽🇨🇭');
  await reads('The ministers met in Geneva. Both sides agreed é 👍🏽🇨🇭');
  await page.keyboard.press('Backspace');
  await reads('The ministers met in Geneva. Both sides agreed é 👍🏽');
  await page.keyboard.press('Backspace');
  await reads('The ministers met in Geneva. Both sides agreed é ');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await reads('The ministers met in Geneva. Both sides agreed');
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Delete');
  await page.keyboard.type('Our');
  await reads('Our ministers met in Geneva. Both sides agreed');
  // Backspace at the start of a paragraph still joins it to the one before.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await reads('Our ministers met in Geneva. Both sides agreedThey agreed to meet again.');
  await page.keyboard.press('Escape');

  await eventually(async () => {
    const { text: saved } = await library.service.getDocument({ id: documentId });
    assert.match(saved, /\n\nOur ministers met in Geneva\. Both sides agreedThey agreed to meet again\.$/);
  });
});
