import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './harness.ts';
import { downTo, drawn, eventually, toStart } from './editorKeys.ts';

const TITLE = 'Ministers agree on consultations';
const release = `${TITLE}

5 May 2025

The ministers agreed to hold consultations on information security. Experts will meet in June.`;

test('a highlight deleted from the command line while the document is open leaves the editor and the list, and editing goes on saving', async (t) => {
  const app = await startApp(t, [{ name: 'release.txt', text: release }]);
  const { page, library } = app;
  const { service } = library;
  const documentId = app.documentIds[0]!;
  const tag = await service.createTag({ name: 'Commitment' });
  const { text } = await service.getDocument({ id: documentId });
  const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, exact: quote });
  const kept = await service.createAnnotation({ documentId, ...at('information security'), tagIds: [tag.id] });
  const doomed = await service.createAnnotation({ documentId, ...at('Experts will meet'), tagIds: [tag.id] });

  await page.goto(app.host.url);
  await page.locator('.library-item', { hasText: TITLE }).click();
  await page.getByRole('article', { name: TITLE }).waitFor();
  await eventually(async () => assert.deepEqual(Object.values(await drawn(page)).sort(), ['Experts will meet', 'information security']));

  await service.deleteAnnotation({ id: doomed.id });
  await eventually(async () => assert.deepEqual(Object.values(await drawn(page)), ['information security']));
  await eventually(async () => assert.deepEqual(await page.locator('.annotation-quote').allTextContents(), ['information security']));

  const editor = page.locator('.document-text');
  await editor.focus();
  await toStart(page);
  await downTo(page, 'The ministers');
  await page.keyboard.press('Control+e');
  await page.keyboard.type('Today ');
  await page.keyboard.press('Escape');
  await eventually(async () => assert.match((await service.getDocument({ id: documentId })).text, /Today The ministers agreed/));
  const stored = await service.listAnnotations({ documentId });
  assert.deepEqual(stored.map((a) => [a.id, a.exact]), [[kept.id, 'information security']]);
  assert.deepEqual(await page.locator('.message-bar').allTextContents(), [], 'no error was shown');
});
