import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExcerptEvents } from '../../common/types.ts';
import { tempLibrary, textFile } from '../testing/tempLibrary.ts';

const release = (title: string) => `${title}\n19 November 2021\n\nThe ministers agreed on ${title.toLowerCase()}.`;
const ftsIsConsistent = (db: import('better-sqlite3').Database) =>
  db.exec("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)");

test('text and Markdown files are imported as documents, with progress and a change event', async (t) => {
  const library = tempLibrary(t);
  const progress: ExcerptEvents['importProgress'][] = [];
  const changes: ExcerptEvents['libraryChanged'][] = [];
  library.service.on('importProgress', (event) => progress.push(event));
  library.service.on('libraryChanged', (event) => changes.push(event));

  const result = await library.service.importFiles({
    files: [textFile('first.txt', release('Digital cooperation')), textFile('second.md', '# Joint *plan*\n\nVienna, 12 May 2024\n\nBody.')],
  });
  assert.deepEqual(result.failed, []);
  assert.deepEqual(result.duplicates, []);
  assert.deepEqual(result.imported.map(({ name, title }) => ({ name, title })), [
    { name: 'first.txt', title: 'Digital cooperation' },
    { name: 'second.md', title: 'Joint plan' },
  ]);
  const stored = await library.service.getDocument({ id: result.imported[1]!.id });
  assert.equal(stored.published, '2024-05-12');
  assert.equal(stored.text, 'Joint plan\n\nVienna, 12 May 2024\n\nBody.');
  assert.deepEqual(progress[0], { done: 0, total: 2, current: 'first.txt' });
  assert.deepEqual(progress.at(-1), { done: 2, total: 2, current: 'second.md' });
  assert.deepEqual(changes, [{ reason: 'import' }]);
});

test('a file whose text is already in the library is a duplicate, not a second document', async (t) => {
  const library = tempLibrary(t);
  const first = await library.service.importFiles({ files: [textFile('a.txt', release('Cooperation'))] });
  const id = first.imported[0]!.id;
  const changes: unknown[] = [];
  library.service.on('libraryChanged', (event) => changes.push(event));
  const again = await library.service.importFiles({
    files: [
      textFile('copy.txt', release('Cooperation').replaceAll('\n', '\r\n')), // same text once line ends are read
      textFile('new.txt', release('Security')),
      textFile('new-again.txt', release('Security')), // a duplicate within one import
    ],
  });
  assert.deepEqual(again.duplicates.map((d) => [d.name, d.title]), [['copy.txt', 'Cooperation'], ['new-again.txt', 'Security']]);
  assert.equal(again.duplicates[0]!.id, id);
  assert.deepEqual(again.imported.map((d) => d.name), ['new.txt']);
  assert.equal((await library.service.listDocuments({})).length, 2);

  const nothingNew = await library.service.importFiles({ files: [textFile('a.txt', release('Cooperation'))] });
  assert.equal(nothingNew.duplicates.length, 1);
  assert.deepEqual(changes, [{ reason: 'import' }], 'no change event when nothing was added');
});

test('one bad file never stops the rest, and each failure says why', async (t) => {
  const library = tempLibrary(t);
  const result = await library.service.importFiles({
    files: [
      textFile('good.txt', release('Good one')),
      textFile('image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])),
      textFile('empty.md', '  \n\n '),
      textFile('slides.key', 'not a format Excerpt reads'),
      textFile('good.md', '# Good two\n\nText.'),
    ],
  });
  assert.deepEqual(result.imported.map((d) => d.name), ['good.txt', 'good.md']);
  assert.deepEqual(result.failed.map((f) => f.name), ['image.txt', 'empty.md', 'slides.key']);
  const [image, empty, keynote] = result.failed.map((f) => f.reason);
  assert.match(image!, /binary file/);
  assert.match(empty!, /empty/);
  assert.match(keynote!, /cannot import "\.key" files/);
});

test('a document that fails while being stored leaves nothing behind', async (t) => {
  const library = tempLibrary(t);
  library.db.exec(`CREATE TEMP TRIGGER explode AFTER INSERT ON main.documents WHEN new.title = 'Explodes' BEGIN
    SELECT RAISE(ABORT, 'the disk caught fire'); END`);
  const result = await library.service.importFiles({
    files: [textFile('before.txt', release('Before')), textFile('bad.txt', release('Explodes')), textFile('after.txt', release('After'))],
  });
  assert.deepEqual(result.imported.map((d) => d.name), ['before.txt', 'after.txt']);
  assert.deepEqual(result.failed.map((f) => f.name), ['bad.txt']);
  assert.match(result.failed[0]!.reason, /the disk caught fire.*Nothing of it was stored/);
  assert.deepEqual(library.db.prepare('SELECT title FROM documents ORDER BY id').pluck().all(), ['Before', 'After']);
  assert.deepEqual((await library.service.searchDocuments({ query: 'explodes' })), []);
  ftsIsConsistent(library.db);
});

test('when a commit fails, every document of it is reported as failed and none is stored', async (t) => {
  const library = tempLibrary(t);
  // A deferred foreign key only fails at COMMIT, after each document's own savepoint succeeded.
  library.db.exec(`CREATE TABLE test_dangling (document_id INTEGER REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED);
    CREATE TEMP TRIGGER dangle AFTER INSERT ON main.documents WHEN new.title = 'Dangles' BEGIN
      INSERT INTO test_dangling VALUES (-1); END`);
  const result = await library.service.importFiles({ files: [textFile('one.txt', release('One')), textFile('two.txt', release('Dangles'))] });
  assert.deepEqual(result.imported, []);
  assert.deepEqual(result.failed.map((f) => f.name), ['one.txt', 'two.txt']);
  assert.match(result.failed[0]!.reason, /could not save it \(FOREIGN KEY constraint failed\); nothing of it was stored/);
  assert.equal(library.db.prepare('SELECT count(*) FROM documents').pluck().get(), 0);
  ftsIsConsistent(library.db);

  library.db.exec('DROP TRIGGER dangle');
  const retry = await library.service.importFiles({ files: [textFile('one.txt', release('One'))] });
  assert.equal(retry.imported.length, 1);
});

test('a large import commits in groups and reports progress along the way', async (t) => {
  const library = tempLibrary(t);
  const files = Array.from({ length: 400 }, (_, i) => textFile(`r${i}.txt`, `${release(`Release ${i}`)}\n\n${'More words here. '.repeat(150)}`));
  const progress: number[] = [];
  library.service.on('importProgress', ({ done }) => progress.push(done));
  const result = await library.service.importFiles({ files });
  assert.equal(result.imported.length, 400);
  assert.equal(progress[0], 0);
  assert.equal(progress.at(-1), 400);
  assert.deepEqual([...progress].sort((a, b) => a - b), progress, 'progress only moves forward');
  assert.equal((await library.service.searchDocuments({ query: '"Release 399"' })).length, 1);
  ftsIsConsistent(library.db);
});
