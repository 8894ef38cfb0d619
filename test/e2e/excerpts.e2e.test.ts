import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { startApp } from './harness.ts';
import { eventually, expectSelected } from './editorKeys.ts';

const geneva = `Ministers meet in Geneva on network security

19 November 2021

The ITU should lead on standards, the minister said. A UN convention on information crime is overdue.

Other matters were left for spring.`;

const vienna = `Delegations meet in Vienna

4 March 2019

The ITU keeps a technical role only. Nothing else was agreed.`;

const oslo = `Заявление о сотрудничестве

8 June 2024

МСЭ должен играть ведущую роль 😊. Переговоры в ООН продолжатся.`;

test('an analyst finds excerpts across the library by tags, sub-tags, co-occurrence, words and dates, saves the query, opens an excerpt in its document and exports what was found', async (t) => {
  const app = await startApp(t, [{ name: 'geneva.txt', text: geneva }, { name: 'vienna.txt', text: vienna }, { name: 'oslo.txt', text: oslo }]);
  const { page, library } = app;
  const { service } = library;
  const actors = await service.createTag({ name: 'Actors', color: '#555555' });
  const itu = await service.createTag({ name: 'ITU role', parentId: actors.id, color: '#1c7ed6' });
  const un = await service.createTag({ name: 'UN process', color: '#e8590c' });
  const [genevaId, viennaId, osloId] = app.documentIds as [number, number, number];
  const code = async (documentId: number, quote: string, tagIds: number[], note = '') => {
    const { text } = await service.getDocument({ id: documentId });
    const start = text.indexOf(quote);
    return service.createAnnotation({ documentId, start, end: start + quote.length, tagIds, note });
  };
  await code(genevaId, 'The ITU should lead on standards', [itu.id], 'Strong claim');
  await code(genevaId, 'A UN convention on information crime is overdue.', [un.id]);
  await code(viennaId, 'The ITU keeps a technical role only.', [itu.id]);
  await code(viennaId, 'technical role only. Nothing else', [un.id]);
  await code(osloId, 'МСЭ должен играть ведущую роль 😊.', [itu.id, un.id]);

  await page.goto(app.host.url);
  await page.locator('.library-item').first().waitFor();
  // The keyboard brings the view in place of the document.
  await page.keyboard.press('Control+Shift+X');
  const view = page.getByRole('region', { name: 'Excerpts', exact: true });
  const count = view.getByRole('status');
  const quotes = () => view.locator('.excerpt-text').allTextContents();
  await eventually(async () => assert.equal(await count.textContent(), '5 excerpts'));
  // Newest documents first, each with its context, tags, note, title, date and paragraph.
  assert.deepEqual(await quotes(), ['МСЭ должен играть ведущую роль 😊.', 'The ITU should lead on standards', 'A UN convention on information crime is overdue.', 'The ITU keeps a technical role only.', 'technical role only. Nothing else']);
  const second = view.locator('.excerpt-item').nth(1);
  assert.equal(await second.locator('.excerpt-quote').textContent(), 'The ITU should lead on standards, the minister said. A UN convention on information crime is overdue.');
  assert.equal(await second.locator('.excerpt-where').textContent(), '19 Nov 2021 · paragraph 3');
  assert.deepEqual(await second.locator('.excerpt-tags li').allTextContents(), ['ITU role']);
  assert.equal(await second.locator('.excerpt-note').textContent(), 'Note: Strong claim');

  // A parent tag stands for its sub-tags unless told not to.
  const tagged = view.getByRole('combobox', { name: 'Tagged', exact: true });
  await tagged.fill('Actors');
  await tagged.press('Enter');
  await eventually(async () => assert.equal(await count.textContent(), '3 excerpts'));
  await view.getByRole('checkbox', { name: 'with their sub-tags' }).uncheck();
  await eventually(async () => assert.equal(await count.textContent(), 'No excerpt matches this query.'));
  await view.getByRole('checkbox', { name: 'with their sub-tags' }).check();
  // AND with another tag; then NOT; a tag the codebook lacks is said so, and nothing changes.
  await tagged.fill('UN process');
  await tagged.press('Enter');
  await view.getByRole('radio', { name: 'all of them' }).check();
  await eventually(async () => assert.deepEqual(await quotes(), ['МСЭ должен играть ведущую роль 😊.']));
  await view.getByRole('button', { name: 'Take “UN process” out of tagged' }).click();
  await view.getByRole('radio', { name: 'any of them' }).check();
  const notTagged = view.getByRole('combobox', { name: 'Not tagged' });
  await notTagged.fill('Sovereignty');
  await notTagged.press('Enter');
  assert.match(await view.getByRole('alert').textContent() ?? '', /There is no tag called “Sovereignty”/);
  await notTagged.fill('un process');
  await notTagged.press('Enter');
  await eventually(async () => assert.deepEqual(await quotes(), ['The ITU should lead on standards', 'The ITU keeps a technical role only.']));
  await view.getByRole('button', { name: 'Take “UN process” out of not tagged' }).click();

  // Another tag's highlight overlapping, or in the same paragraph; words in the excerpt; dates.
  await view.getByRole('combobox', { name: 'Shares its text with' }).selectOption({ label: 'UN process' });
  await eventually(async () => assert.deepEqual(await quotes(), ['The ITU keeps a technical role only.']));
  await view.getByRole('combobox', { name: 'Where' }).selectOption({ label: 'in the same paragraph' });
  await eventually(async () => assert.deepEqual(await quotes(), ['The ITU should lead on standards', 'The ITU keeps a technical role only.']));
  await view.getByRole('combobox', { name: 'Shares its text with' }).selectOption({ label: 'no other tag needed' });
  await view.getByRole('searchbox', { name: 'Words in the excerpt' }).fill('technical');
  await eventually(async () => assert.deepEqual(await quotes(), ['The ITU keeps a technical role only.']));
  await view.getByRole('searchbox', { name: 'Words in the excerpt' }).fill('');
  await view.getByLabel('Published from').fill('2021-01-01');
  await eventually(async () => assert.equal(await count.textContent(), '2 excerpts'));

  // Saved: listed with its count, which follows the library.
  await view.getByRole('textbox', { name: 'Save this query as' }).fill('ITU since 2021');
  await view.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = view.getByRole('button', { name: /^ITU since 2021/ });
  await eventually(async () => assert.equal(await saved.locator('.saved-query-count').textContent(), '2 excerpts'));
  assert.equal(await saved.getAttribute('aria-current'), 'true');
  await code(osloId, 'Переговоры в ООН продолжатся.', [itu.id]);
  await eventually(async () => assert.equal(await saved.locator('.saved-query-count').textContent(), '3 excerpts'));
  await eventually(async () => assert.equal(await count.textContent(), '3 excerpts'));
  await view.getByRole('button', { name: 'Clear' }).click();
  await eventually(async () => assert.equal(await count.textContent(), '6 excerpts'));
  assert.equal(await saved.getAttribute('aria-current'), null);
  await saved.click();
  await eventually(async () => assert.equal(await count.textContent(), '3 excerpts'));
  assert.deepEqual(await view.getByRole('list', { name: 'Tagged' }).locator('li').allTextContents(), ['Actors×']);

  // Exported as it stands.
  await view.getByRole('button', { name: 'Export these…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export excerpts' });
  await dialog.getByRole('radio', { name: /CSV table/ }).check();
  assert.equal(await dialog.getByRole('radio', { name: 'the 3 excerpts this query finds' }).isChecked(), true);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const rows = Papa.parse<Record<string, string>>((await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  assert.deepEqual(rows.data.map((row) => row.excerpt).sort(), ['The ITU should lead on standards', 'МСЭ должен играть ведущую роль 😊.', 'Переговоры в ООН продолжатся.'].sort());

  // ↓ moves along the excerpts; Enter opens the document with the highlight selected.
  await view.locator('.excerpt-open').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.excerpt-item')?.querySelector('.excerpt-text')?.textContent), 'The ITU should lead on standards');
  await page.keyboard.press('Enter');
  await page.getByRole('article', { name: 'Ministers meet in Geneva on network security' }).waitFor();
  assert.equal(await view.isVisible(), false);
  await expectSelected(page, 'The ITU should lead on standards');
  // And back: the query is still there.
  await page.keyboard.press('Control+Shift+X');
  await eventually(async () => assert.equal(await count.textContent(), '3 excerpts'));
  await view.getByRole('button', { name: 'Delete the saved query “ITU since 2021”' }).click();
  await eventually(async () => assert.equal(await saved.count(), 0));
  assert.deepEqual(await service.listSavedQueries({}), []);
});
