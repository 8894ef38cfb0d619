import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { addSamplesOnFirstRun, SAMPLES_OFFERED } from './samples.ts';
import { tempDir, tempLibrary, textFile } from './testing/tempLibrary.ts';
import { appState } from './store/appState.ts';

const resourcesDir = join(import.meta.dirname, '..', 'resources');
const sampleCount = readdirSync(join(resourcesDir, 'samples')).filter((name) => name.endsWith('.txt')).length;

test('an empty library gets the samples and the codebook once, and never again', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  assert.equal(await addSamplesOnFirstRun(library, resourcesDir), true);

  const documents = await service.listDocuments({});
  assert.equal(documents.length, sampleCount);
  assert.ok(sampleCount >= 3 && sampleCount <= 5);
  assert.ok(documents.every((doc) => doc.published !== null), 'every sample states its date');
  const tags = await service.listTags({});
  const byName = new Map(tags.map((tag) => [tag.name, tag]));
  assert.equal(byName.get('ITU role')?.parentId, byName.get('Internet governance')?.id);
  assert.equal(byName.get('OEWG')?.parentId, byName.get('UN process')?.id);
  assert.deepEqual(tags.map((tag) => tag.shortcut).filter((key) => key !== null).sort(), ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  assert.equal(new Set(tags.map((tag) => tag.color)).size, tags.length, 'every tag has its own colour');
  assert.ok(tags.every((tag) => tag.description.length > 0), 'every tag says what it is for');
  assert.ok(tags.filter((tag) => tag.whenToUse !== '' || tag.whenNotToUse !== '').length >= 10, 'the codebook entries say when to use their codes');
  const texts = await Promise.all(documents.map(async ({ id }) => (await service.getDocument({ id })).text));
  const examples = tags.filter((tag) => tag.example !== '');
  assert.ok(examples.length >= 10);
  for (const tag of examples) assert.ok(texts.some((text) => text.includes(tag.example)), `the example of "${tag.name}" is a passage of a sample`);

  assert.equal(await addSamplesOnFirstRun(library, resourcesDir), false);
  assert.equal((await service.listDocuments({})).length, sampleCount);

  // The analyst deletes the whole codebook; the samples still do not come back.
  for (const tag of await service.listTags({})) if (tag.parentId === null) await service.deleteTag({ id: tag.id });
  library.db.exec('DELETE FROM documents');
  assert.equal(await addSamplesOnFirstRun(library, resourcesDir), false);
  assert.equal((await service.listDocuments({})).length, 0);
  assert.equal((await service.listTags({})).length, 0);
});

test('a library that already holds documents is not given samples, now or after it is emptied', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const result = await service.importFiles({ files: [textFile('own.txt', 'My own release\n\n2020-05-05\n\nText.\n')] });
  assert.equal(await addSamplesOnFirstRun(library, resourcesDir), false);
  assert.ok(appState(library.db).get(SAMPLES_OFFERED), 'the offer is remembered');
  library.db.prepare('DELETE FROM documents WHERE id = ?').run(result.imported[0]!.id);
  assert.equal(await addSamplesOnFirstRun(library, resourcesDir), false);
  assert.equal((await service.listDocuments({})).length, 0);
});

test('a library with only a codebook is not given samples', async (t) => {
  const library = tempLibrary(t);
  await library.service.createTag({ name: 'My code' });
  assert.equal(await addSamplesOnFirstRun(library, resourcesDir), false);
  assert.equal((await library.service.listDocuments({})).length, 0);
});

test('when the samples cannot be added, nothing is kept and the next start tries again', async (t) => {
  const library = tempLibrary(t);
  const broken = tempDir(t);
  mkdirSync(join(broken, 'samples'));
  copyFileSync(join(resourcesDir, 'codebook.json'), join(broken, 'codebook.json'));
  writeFileSync(join(broken, 'samples', 'empty.txt'), '');
  await assert.rejects(addSamplesOnFirstRun(library, broken), /could not be imported \(empty\.txt: it is empty/);
  assert.equal((await library.service.listTags({})).length, 0, 'the codebook went back out with the failed samples');
  assert.equal(appState(library.db).get(SAMPLES_OFFERED), undefined);
  assert.equal(await addSamplesOnFirstRun(library, resourcesDir), true);
});
