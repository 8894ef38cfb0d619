import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startApp } from './harness.ts';
import { downTo, eventually, expectSelected, toStart } from './editorKeys.ts';

const TITLE = 'Ministers agree on consultations';
const statement = `${TITLE}

5 May 2025

The ministers agreed to hold consultations on information security. Experts will meet in June.

The talks take place in Geneva.`;

const passage = 'The ministers agreed';

test('a whole session (open, tag by keyboard, search, the excerpts view, a CSV export) makes no request beyond the loopback host', async (t) => {
  const app = await startApp(t, [{ name: 'consultations.txt', text: statement }]);
  const { page, host, library } = app;
  await library.service.createTag({ name: 'Commitment', color: '#ae3ec9' });

  // Every request of the browser context (the page's, its workers' and service workers',
  // prefetches, fonts, icons, new windows) passes here; none but the loopback host's goes on.
  const requested: string[] = [];
  const fromHost = (url: string) => url.startsWith(`${host.origin}/`) || /^(data|blob):/.test(url);
  const context = page.context();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requested.push(url);
    return fromHost(url) ? route.continue() : route.abort('blockedbyclient');
  });
  context.on('request', (request) => requested.push(request.url()));
  page.on('websocket', (socket) => requested.push(socket.url()));

  await page.goto(host.url);
  await page.locator('.library-item', { hasText: TITLE }).click();
  await page.getByRole('article', { name: TITLE }).waitFor();

  // Tag a passage by keyboard: select it with Shift+→, T opens the tag picker, Enter applies.
  await page.locator('.document-text').focus();
  await toStart(page);
  await downTo(page, passage);
  await page.keyboard.down('Shift');
  for (let i = 0; i < passage.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.up('Shift');
  await expectSelected(page, passage);
  await page.keyboard.press('t');
  await page.getByRole('combobox', { name: 'Find or create a tag' }).waitFor();
  await page.keyboard.type('Commit');
  await page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await page.locator('.document-text .excerpt-highlight').first().textContent(), passage));
  await eventually(async () => assert.equal((await library.service.listAnnotations({ documentId: app.documentIds[0]! })).length, 1));

  const box = page.getByRole('searchbox', { name: "Search the library's texts" });
  await box.fill('geneva');
  const found = page.getByRole('list', { name: 'Documents found' });
  await eventually(async () => assert.deepEqual(await found.locator('.library-title').allTextContents(), [TITLE]));

  await page.keyboard.press('Control+Shift+X');
  const view = page.getByRole('region', { name: 'Excerpts', exact: true });
  await eventually(async () => assert.equal(await view.getByRole('status').textContent(), '1 excerpt'));
  await view.getByRole('button', { name: 'Export these…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export excerpts' });
  await dialog.getByRole('radio', { name: /CSV table/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  assert.match(await readFile((await download.path())!, 'utf8'), /The ministers agreed/);

  assert.ok(requested.some((url) => url.startsWith(`${host.origin}/api/saveDocumentEdits`)), 'the recorder saw the session\'s calls');
  const elsewhere = [...new Set(requested)].filter((url) => !fromHost(url));
  assert.deepEqual(elsewhere, [], `requests that left the loopback host ${host.origin}:\n${elsewhere.join('\n')}`);
});
