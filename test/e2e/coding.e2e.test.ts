import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Library } from '../../core/library.ts';
import { startApp } from './harness.ts';
import { downTo, drawn, eventually, expectSelected, settle, toStart } from './editorKeys.ts';

const statement = `Ministers agree on a roadmap for digital cooperation

12 June 2025

The ministers agreed to deepen cooperation on cybersecurity. They will meet again in the autumn.

Both delegations support the role of the ITU in setting technical standards for networks.

The parties will coordinate their positions on a convention against information crime. Experts will draft a joint text.

The sides noted the importance of protecting critical infrastructure from attacks.`;

const other = `Regional regulators compare spectrum plans

3 March 2025

Three regulators met to compare their spectrum plans for the coming decade.`;

/// The document's placed highlights as the library holds them: quote, tag names, note.
async function stored(library: Library, documentId: number) {
  const tags = new Map((await library.service.listTags({})).map((t) => [t.id, t.name]));
  const list = await library.service.listAnnotations({ documentId });
  return list.map((a) => ({ exact: a.exact, tags: a.tagIds.map((id) => tags.get(id)).sort(), note: a.note }));
}

test('an analyst codes a document from the keyboard alone, edits around and inside highlights, undoes, and reloads', async (t) => {
  const app = await startApp(t, [{ name: 'roadmap.txt', text: statement }, { name: 'spectrum.txt', text: other }]);
  const { page, library } = app;
  const service = library.service;
  const documentId = app.documentIds[0]!;
  const mandates = await service.createTag({ name: 'Mandates', color: '#1c7ed6' });
  await service.createTag({ name: 'ITU role', parentId: mandates.id, color: '#0c8599', shortcut: '2' });
  await service.createTag({ name: 'Cooperation', color: '#2b8a3e', shortcut: '1' });

  await page.goto(app.host.url);
  await page.locator('.library-item').first().waitFor();
  // J opens the first document of the list (the newest: the roadmap is imported first, so
  // K/J order is by date); the text takes the focus as a Tab would bring it there.
  await page.keyboard.press('j');
  await page.getByRole('article', { name: /Ministers agree on a roadmap/ }).waitFor();
  const text = page.locator('.document-text');
  await text.focus();

  // 1. To the first paragraph by keys; S selects its first statement; the digit 1 tags it.
  await toStart(page);
  await downTo(page, 'The ministers');
  await page.keyboard.press('s');
  await expectSelected(page, 'The ministers agreed to deepen cooperation on cybersecurity.');
  await page.keyboard.press('1');
  await eventually(async () => assert.deepEqual(await stored(library, documentId), [
    { exact: 'The ministers agreed to deepen cooperation on cybersecurity.', tags: ['Cooperation'], note: '' },
  ]));
  // Undo and redo cover the coding action.
  await page.keyboard.press('Control+z');
  await eventually(async () => assert.deepEqual(await stored(library, documentId), []));
  await page.keyboard.press('Control+Shift+z');
  await eventually(async () => assert.equal((await stored(library, documentId)).length, 1));

  // 2. To the next paragraph: S and Alt+Shift+→ take the whole first one, → → steps past it.
  // Ctrl+Shift+arrows select words there; the palette finds "ITU role" by a fuzzy query.
  await toStart(page);
  await downTo(page, 'The ministers');
  await page.keyboard.press('s');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Apply a tag' });
  await palette.waitFor();
  await page.keyboard.type('mnd itu');
  await page.keyboard.press('Enter');
  await palette.waitFor({ state: 'detached' });
  await settle(page);

  // 3. The next paragraph's first statement: S, then "." repeats the last tag.
  await page.keyboard.press('s');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('s');
  await expectSelected(page, 'The parties will coordinate their positions on a convention against information crime.');
  await page.keyboard.press('.');

  // 4. The palette creates a sub-tag by its path and applies it; Alt+Shift+→ grows the selection by a statement.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('s');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expectSelected(page, 'The parties will coordinate their positions on a convention against information crime. Experts will draft a joint text.');
  await page.keyboard.press('Control+k');
  await palette.waitFor();
  await page.keyboard.type('Mandates / Information crime convention');
  await page.keyboard.press('Enter');
  await palette.waitFor({ state: 'detached' });
  await settle(page);
  // The new tag is made in the library first; then the highlight shows.
  await eventually(async () => assert.equal((await stored(library, documentId)).length, 4));

  // 5. ] walks to the first highlight; N writes a note on it.
  await toStart(page);
  await page.keyboard.press(']');
  await expectSelected(page, 'The ministers agreed to deepen cooperation on cybersecurity.');
  await page.keyboard.press('n');
  const note = page.getByRole('dialog', { name: /Note on/ });
  await note.waitFor();
  await page.keyboard.type('First commitment on cyber.');
  await page.keyboard.press('Control+Enter');
  await note.waitFor({ state: 'detached' });
  await settle(page);

  const coded = [
    { exact: 'The ministers agreed to deepen cooperation on cybersecurity.', tags: ['Cooperation'], note: 'First commitment on cyber.' },
    { exact: 'Both delegations support', tags: ['ITU role'], note: '' },
    { exact: 'The parties will coordinate their positions on a convention against information crime.', tags: ['ITU role'], note: '' },
    { exact: 'The parties will coordinate their positions on a convention against information crime. Experts will draft a joint text.', tags: ['Information crime convention'], note: '' },
  ];
  await eventually(async () => assert.deepEqual(await stored(library, documentId), coded));
  const created = (await service.listTags({})).find((tag) => tag.name === 'Information crime convention');
  assert.equal(created?.parentId, mandates.id, 'the palette made the tag under “Mandates”');

  // 6. Editing: type before a highlight, inside one, and delete one's whole text.
  await page.keyboard.press(']'); // "Both delegations support"
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+e');
  await page.keyboard.type('Today ');
  await page.keyboard.press('Escape');
  await toStart(page);
  await page.keyboard.press(']');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+e');
  await page.keyboard.type('two ');
  await page.keyboard.press('Escape');
  assert.deepEqual(await drawn(page), [
    'Both delegations support',
    'The parties will coordinate their positions on a convention against information crime.',
    'The parties will coordinate their positions on a convention against information crime. Experts will draft a joint text.',
    'The two ministers agreed to deepen cooperation on cybersecurity.',
  ].sort());
  await eventually(async () => {
    const storedDocument = await service.getDocument({ id: documentId });
    assert.match(storedDocument.text, /The two ministers agreed/);
    assert.match(storedDocument.text, /Today Both delegations support the role/);
    assert.deepEqual((await stored(library, documentId)).map((h) => h.exact), [
      'The two ministers agreed to deepen cooperation on cybersecurity.',
      'Both delegations support',
      coded[2]!.exact,
      coded[3]!.exact,
    ]);
  });

  // The last paragraph's highlight: its whole text is selected and deleted.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expectSelected(page, coded[3]!.exact);
  await page.keyboard.press('Control+e');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  const review = page.getByRole('region', { name: /To review/ });
  await review.waitFor();
  await eventually(async () => {
    const items = await service.listReviewItems({ documentId });
    assert.deepEqual(items.map((i) => [i.exact, i.reason]).sort(), [[coded[2]!.exact, 'deleted'], [coded[3]!.exact, 'deleted']].sort());
  });

  // 7. Undo brings the text and both highlights back where they were.
  await text.focus();
  await page.keyboard.press('Control+z');
  await review.waitFor({ state: 'detached' });
  await eventually(async () => {
    assert.deepEqual(await service.listReviewItems({ documentId }), []);
    assert.equal((await stored(library, documentId)).length, 4);
  });

  // 8. A reload finds every highlight where it belongs, in the editor and in the library.
  await page.reload();
  await page.locator('.excerpt-highlight').first().waitFor();
  const expected = [
    { ...coded[0]!, exact: 'The two ministers agreed to deepen cooperation on cybersecurity.' },
    coded[1]!,
    coded[2]!,
    coded[3]!,
  ];
  assert.deepEqual(await stored(library, documentId), expected);
  assert.deepEqual(await drawn(page), expected.map((h) => h.exact).sort());
  const storedDocument = await service.getDocument({ id: documentId });
  for (const annotation of await service.listAnnotations({ documentId })) {
    assert.equal(storedDocument.text.slice(annotation.start, annotation.end), annotation.exact, 'each stored offset covers its quote');
  }

  // 9. The shortcuts sheet lists the keys used above; Escape closes it.
  await text.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await sheet.waitFor();
  const listed = (await sheet.textContent())?.toLowerCase() ?? '';
  // Each key used above, with what it does.
  for (const entry of ['.apply the last tag again', 'ctrl+kfind a tag and apply it', ']go to the next highlight', 'ctrl+estart or stop editing']) {
    assert.ok(listed.includes(entry), `the sheet lists “${entry}”`);
  }
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });
});
