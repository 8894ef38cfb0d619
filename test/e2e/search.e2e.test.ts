import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './harness.ts';
import { eventually, selected } from './editorKeys.ts';

const geneva = `Ministers meet in Genève on network security

19 November 2021

The ministers discussed ransomware and the protection of undersea cables.

Talks on a convention will resume next spring.`;

const moscow = `Заявление о сотрудничестве

3 March 2022

Стороны обсудили киберпреступность и защиту кабелей.`;

const trade = `Trade partners review tariffs

5 May 2023

Tariffs on equipment stay flat; no word on cables.`;

test('an analyst searches the library\'s texts (accents and case ignored, Cyrillic, OR, NOT) and opens a document at the passage found', async (t) => {
  const app = await startApp(t, [{ name: 'geneva.txt', text: geneva }, { name: 'moscow.txt', text: moscow }, { name: 'trade.txt', text: trade }]);
  const { page } = app;
  await page.goto(app.host.url);
  await page.locator('.library-item').first().waitFor();
  const box = page.getByRole('searchbox', { name: "Search the library's texts" });
  const found = page.getByRole('list', { name: 'Documents found' });
  const titles = () => found.locator('.library-title').allTextContents();

  await box.fill('geneve');
  await eventually(async () => assert.deepEqual(await titles(), ['Ministers meet in Genève on network security']));
  await box.fill('КИБЕРПРЕСТУПНОСТЬ');
  await eventually(async () => assert.deepEqual(await titles(), ['Заявление о сотрудничестве']));
  assert.equal(await found.locator('mark').first().textContent(), 'киберпреступность');
  await box.fill('ransomware OR tariffs');
  await eventually(async () => assert.deepEqual((await titles()).sort(), ['Ministers meet in Genève on network security', 'Trade partners review tariffs']));
  await box.fill('cables NOT tariffs');
  await eventually(async () => assert.deepEqual(await titles(), ['Ministers meet in Genève on network security']));
  await box.fill('"no such phrase here"');
  await eventually(async () => assert.equal(await page.getByRole('status').filter({ hasText: 'No text holds these words.' }).count(), 1));

  // A hit opens its document with the passage selected; Escape in the box gives the list back.
  await box.fill('convention');
  await eventually(async () => assert.deepEqual(await titles(), ['Ministers meet in Genève on network security']));
  await found.locator('.library-item').click();
  await page.getByRole('article', { name: 'Ministers meet in Genève on network security' }).waitFor();
  await eventually(async () => assert.equal(await selected(page), 'convention'));
  await box.focus();
  await page.keyboard.press('Escape');
  await eventually(async () => assert.equal(await page.locator('.library-list .library-item').count(), 3));
});
