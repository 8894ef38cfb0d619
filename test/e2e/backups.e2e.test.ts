import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary } from '../../core/library.ts';
import { importText } from '../../core/testing/tempLibrary.ts';
import { startApp } from './harness.ts';
import { downTo, eventually, toStart } from './editorKeys.ts';

const TITLE = 'Ministers agree on consultations';
const release = `${TITLE}

5 May 2025

The ministers agreed to hold consultations on information security.`;

test('an analyst backs the library up, changes it, restores the backup and sees the library as it was', async (t) => {
  const app = await startApp(t, [{ name: 'release.txt', text: release }]);
  const { page, library } = app;
  const { service } = library;
  const documentId = app.documentIds[0]!;
  await page.goto(app.host.url);
  await page.locator('.library-item', { hasText: TITLE }).click();
  await page.getByRole('article', { name: TITLE }).waitFor();
  const listed = () => page.locator('.library-title').allTextContents();

  // 1. Back up now: the backup is listed with its reason.
  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await dialog.getByText('There are no backups yet.').waitFor();
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await dialog.getByRole('status').filter({ hasText: /^Backed up as library-\d{8}-\d{6}-manual\.sqlite\.$/ }).waitFor();
  assert.deepEqual(await dialog.locator('tbody tr td:nth-child(2)').allTextContents(), ['backed up by you']);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // 2. The library changes: words typed in the open document and not saved yet (the page's clock
  // stands still, so the pause that would save them never ends), a document renamed, another imported.
  await page.locator('.document-text').focus();
  await toStart(page);
  await downTo(page, 'The ministers agreed');
  await page.keyboard.press('Control+e');
  await page.keyboard.press('End');
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
  await page.keyboard.type(' Typed before the restore.');
  await page.getByRole('status').filter({ hasText: 'Edited' }).waitFor();
  await service.updateDocument({ id: documentId, title: 'Renamed after the backup' });
  await importText(library, 'later.txt', 'Later statement\n\nImported after the backup.');
  await eventually(async () => assert.deepEqual((await listed()).sort(), ['Later statement', 'Renamed after the backup']));

  // 3. Restore the backup: asked first, told what became of the library as it was.
  await page.getByRole('button', { name: 'Backups…' }).click();
  await dialog.getByRole('button', { name: /^Restore the backup of / }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await confirm.getByText(/The library as it is now is kept first, as a backup of its own/).waitFor();
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
  await confirm.waitFor({ state: 'hidden' });
  await eventually(async () => assert.match(await page.locator('.message-region').textContent() ?? '',
    /^The library was restored from the backup of .+\. The library as it was is kept as the backup library-\d{8}-\d{6}(-\d+)?-before-restore\.sqlite\.Dismiss$/));

  // 4. The window shows the library as it was, the open document's text too, and the library holds it.
  await eventually(async () => assert.deepEqual(await listed(), [TITLE]));
  await page.getByRole('article', { name: TITLE }).waitFor();
  await eventually(async () => assert.doesNotMatch(await page.locator('.document-text').textContent() ?? '', /Typed before the restore/));
  assert.match(await page.locator('.document-text').textContent() ?? '', /The ministers agreed to hold consultations on information security\./);
  assert.deepEqual((await service.listDocuments({})).map((d) => d.title), [TITLE]);
  assert.doesNotMatch((await service.getDocument({ id: documentId })).text, /Typed before the restore/);
  const [safetyCopy, manual] = (await service.listBackups({})).backups;
  assert.deepEqual([safetyCopy?.reason, manual?.reason], ['before-restore', 'manual']);

  // 5. The words typed before the restore were saved first: the copy kept before it holds them.
  const kept = openLibrary(safetyCopy!.path);
  t.after(() => kept.close());
  assert.match((await kept.service.getDocument({ id: documentId })).text, /information security\. Typed before the restore\./);
});
