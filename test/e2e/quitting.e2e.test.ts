import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp, type SampleDocument } from './harness.ts';
import { downTo, eventually, toStart } from './editorKeys.ts';

const TITLE = 'Ministers meet in Geneva';
const statement: SampleDocument = { name: 'geneva.txt', text: `${TITLE}\n\n2 April 2025\n\nThe ministers met in Geneva.\n\nThey agreed to meet again.` };

/// A statement long enough that saving an edit to it (the whole text goes with the save) is too
/// large for a request the browser finishes after the page has gone (64 KiB).
const LONG_TITLE = 'Communiqué of the long session';
const longStatement: SampleDocument = {
  name: 'long.txt',
  text: `${LONG_TITLE}\n\n3 March 2025\n\nThe ministers met in Geneva.\n\n${Array.from({ length: 400 }, (_, i) =>
    `Paragraph ${i + 1} records, at some length, what the delegations said about the consultations on information security.`).join('\n\n')}`,
};

/// Holds each save a moment before it goes on to the library, as a busy machine might: a save
/// sent as the page goes is then still on its way when the page is gone, and only a request
/// the browser finishes on its own (keepalive) arrives.
async function slowSaves(page: Page): Promise<void> {
  await page.route('**/api/saveDocumentEdits', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue().catch(() => {});
  });
}

/// Opens the document titled `title`, switches to editing (Ctrl+E) and puts the caret at the end
/// of its first paragraph of text.
async function editFirstParagraph(app: RunningApp, title: string): Promise<void> {
  const { page } = app;
  await page.goto(app.host.url);
  await page.locator('.library-item', { hasText: title }).click();
  await page.getByRole('article', { name: title }).waitFor();
  await page.locator('.document-text').focus();
  await toStart(page);
  await downTo(page, 'The ministers met');
  await page.keyboard.press('Control+e');
  await page.keyboard.press('End');
}

/// The text of the app's first document as the library holds it.
const storedText = async (app: RunningApp) => (await app.library.service.getDocument({ id: app.documentIds[0]! })).text;

/// Types `words` at the end of the first paragraph of `document`'s text, saves held a moment
/// (slowSaves); the browser's questions are noted and answered "stay".
async function typeInto(t: TestContext, document: SampleDocument, title: string, words: string) {
  const app = await startApp(t, [document]);
  const dialogs: string[] = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await editFirstParagraph(app, title);
  await slowSaves(app.page);
  await app.page.keyboard.type(words);
  return { ...app, dialogs, storedText: () => storedText(app) };
}

test('words typed just before a reload are in the library afterwards, without the browser asking', async (t) => {
  const app = await typeInto(t, statement, TITLE, ' They spoke briefly.');
  // Typing is saved after a pause, and saves are held: the library does not have it yet.
  assert.doesNotMatch(await app.storedText(), /spoke briefly/);
  await app.page.reload();
  await eventually(async () => assert.match(await app.storedText(), /The ministers met in Geneva\. They spoke briefly\.\n/));
  assert.deepEqual(app.dialogs, []);
  await app.page.getByRole('article', { name: TITLE }).waitFor();
  assert.match(await app.page.locator('.document-text').textContent() ?? '', /They spoke briefly\./, 'the reloaded page shows it');
});

test('words typed just before the tab is closed are in the library', async (t) => {
  const app = await startApp(t, [statement]);
  await editFirstParagraph(app, TITLE);
  // Time stands still in the page, so the pause after typing never ends: only the save the
  // closing page sends can bring the words to the library. (Holding saves with a route, as
  // typeInto does, would not do: the browser drops what a route holds when its page closes.)
  await app.page.clock.install();
  await app.page.clock.pauseAt(Date.now() + 1000);
  await app.page.keyboard.type(' The tab closed.');
  await app.page.getByRole('status').filter({ hasText: 'Edited' }).waitFor();
  assert.doesNotMatch(await storedText(app), /The tab closed/);
  await app.page.close();
  await eventually(async () => assert.match(await storedText(app), /The ministers met in Geneva\. The tab closed\.\n/));
});

test('an edit too large to send as the page goes makes the browser ask first; staying saves it', async (t) => {
  const app = await typeInto(t, longStatement, LONG_TITLE, ' Kept.');
  // A reload the analyst then cancels in the browser's "Leave site?" question.
  await app.page.evaluate(() => setTimeout(() => location.reload()));
  await eventually(async () => assert.deepEqual(app.dialogs, ['beforeunload']));
  await eventually(async () => assert.match(await app.storedText(), /The ministers met in Geneva\. Kept\.\n/));
  // Nothing is waiting once the page has its answer: the next reload goes without a question.
  await app.page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await app.page.reload();
  await app.page.getByRole('article', { name: LONG_TITLE }).waitFor();
  assert.deepEqual(app.dialogs, ['beforeunload']);
});

test('in the desktop app, main\'s request before the window closes saves what waits, and names what could not be saved', async (t) => {
  const app = await startApp(t, [statement]);
  const { page } = app;
  // The preload's bridge (electron/preload.ts), which cannot run here, stood in for over the
  // loopback host: calls go through, events do not, and main's request is a function to call.
  // (Given as source: a function compiled here would carry the compiler's helpers along.)
  await page.addInitScript({ content: `
    const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
    window.excerpt = {
      call: async (method, args) => {
        if (method === 'saveDocumentEdits' && window.refuseSaves) throw { code: 'internal', message: 'Excerpt could not reach its library.' };
        const response = await fetch('/api/' + method, {
          method: 'POST', headers: { 'content-type': 'application/json', 'x-excerpt-token': token }, body: JSON.stringify(args),
        });
        const reply = await response.json();
        if (!response.ok) throw reply.error;
        return reply;
      },
      saveExport: async () => ({ saved: false }),
      on: () => () => {},
      onSaveBeforeClose: (save) => { window.saveBeforeClose = save; },
    };` });
  await editFirstParagraph(app, TITLE);
  const saveBeforeClose = () => page.evaluate(() => ((window as unknown as Record<string, unknown>).saveBeforeClose as () => Promise<string[]>)());

  await page.keyboard.type(' Closed at once.');
  assert.deepEqual(await saveBeforeClose(), [], 'all saved');
  assert.match(await storedText(app), /The ministers met in Geneva\. Closed at once\.\n/, 'saved by the time main hears back');

  await page.evaluate(() => { (window as unknown as Record<string, unknown>).refuseSaves = true; });
  await page.keyboard.type(' Lost?');
  assert.deepEqual(await saveBeforeClose(), [`Your edits to “${TITLE}” were not saved: Excerpt could not reach its library.`]);
  assert.doesNotMatch(await storedText(app), /Lost\?/);
  await eventually(async () => assert.match(await page.locator('.message-region').textContent() ?? '', /could not reach its library/));
});
