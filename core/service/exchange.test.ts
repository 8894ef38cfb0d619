import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ExcerptError } from '../../common/errors.ts';
import type { ExportedFile } from '../../common/types.ts';
import type { Library } from '../library.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';

const ferry = `Harbour authority: ferry timetable 😊

4 February 2026

Night crossings resume in May 😊 and fares stay flat.

The 𝔘nion port adds a second berth by 2027.`;

const bridge = `Заявление о мосте

20 февраля 2026

Мост через реку откроется весной.

Работы идут по графику, сообщили в министерстве.`;

/// Highlights the first `quote` in document `id` with `tagIds`; the new highlight.
async function code(library: Library, id: number, quote: string, tagIds: number[], note = '') {
  const { text } = await library.service.getDocument({ id });
  const start = text.indexOf(quote);
  return library.service.createAnnotation({ documentId: id, start, end: start + quote.length, tagIds, note });
}

/// Imports an exported W3C file into `library`.
function importAnnotations(library: Library, annotations: ExportedFile) {
  return library.service.importExchange({ name: 'excerpts.jsonld', bytes: Buffer.from(annotations.content).toString('base64') });
}

/// A library coded as an analyst would: a parent and child tag, a tag on two passages, notes.
async function codedLibrary(t: TestContext): Promise<Library> {
  const library = tempLibrary(t);
  const { service } = library;
  const transport = await service.createTag({ name: 'Transport', color: '#3a7bd5', description: 'Ferries, rail & roads.' });
  const ports = await service.createTag({ name: 'Ports', parentId: transport.id });
  const dates = await service.createTag({ name: 'Dates' });
  const ferryId = await importText(library, 'ferry.txt', ferry);
  await service.updateDocument({ id: ferryId, source: 'Harbour authority', sourceUrl: 'https://harbour.example/news/ferry' });
  await code(library, ferryId, 'Night crossings resume in May 😊', [transport.id, dates.id], 'Check the date.\nWith the press office.');
  await code(library, ferryId, 'The 𝔘nion port adds a second berth', [ports.id]);
  const bridgeId = await importText(library, 'bridge.txt', bridge);
  await code(library, bridgeId, 'Мост через реку откроется весной.', [transport.id], 'Весна — это когда?');
  await code(library, bridgeId, 'Работы идут по графику', [dates.id]);
  return library;
}

/// Every excerpt as a comparable line: document, quote, tag paths, note.
async function excerptsOf(library: Library): Promise<string[]> {
  const { service } = library;
  const tags = await service.listTags({});
  const path = (id: number): string => {
    const tag = tags.find((t) => t.id === id)!;
    return tag.parentId === null ? tag.name : `${path(tag.parentId)} › ${tag.name}`;
  };
  const excerpts = JSON.parse((await service.exportExcerpts({ format: 'json' })).content) as { document: { title: string }; text: string; tagIds: number[]; note: string; start: number; end: number }[];
  return excerpts.map((e) => `${e.document.title} | ${e.text} | ${e.start}-${e.end} | ${e.tagIds.map(path).sort().join(', ')} | ${e.note}`).sort();
}

test('a REFI-QDA project round-trips into a new library with every excerpt, tag, note and position intact', async (t) => {
  const source = await codedLibrary(t);
  const project = await source.service.exportExcerpts({ format: 'qdpx' });
  const target = tempLibrary(t);
  const result = await target.service.importExchange({ name: 'project.qdpx', bytes: project.content });
  assert.deepEqual(result, { documentsImported: 2, documentsFound: 0, tagsCreated: 3, tagsFound: 0, highlightsPlaced: 4, highlightsAlreadyThere: 0, problems: [] });
  assert.deepEqual(await excerptsOf(target), await excerptsOf(source));
  const ferryCopy = (await target.service.listDocuments({})).find((d) => d.title.startsWith('Harbour'))!;
  const described = await target.service.getDocument({ id: ferryCopy.id });
  assert.deepEqual([described.source, described.sourceUrl], ['Harbour authority', 'https://harbour.example/news/ferry']);
  const transport = (await target.service.listTags({})).find((tag) => tag.name === 'Transport')!;
  assert.deepEqual([transport.color, transport.description], ['#3a7bd5', 'Ferries, rail & roads.']);

  // The same project again adds nothing: its texts, codes and passages are all there.
  const again = await target.service.importExchange({ name: 'project.qdpx', bytes: project.content });
  assert.deepEqual(again, { documentsImported: 0, documentsFound: 2, tagsCreated: 0, tagsFound: 3, highlightsPlaced: 0, highlightsAlreadyThere: 4, problems: [] });
  assert.deepEqual(await excerptsOf(target), await excerptsOf(source));
});

test('W3C annotations land on the documents the library holds, found by web address or title, with their tags and notes', async (t) => {
  const source = await codedLibrary(t);
  const annotations = await source.service.exportExcerpts({ format: 'w3c' });
  const target = tempLibrary(t);
  const ferryId = await importText(target, 'ferry.txt', ferry);
  await target.service.updateDocument({ id: ferryId, sourceUrl: 'https://harbour.example/news/ferry' });
  await importText(target, 'bridge.txt', bridge);
  await target.service.createTag({ name: 'Transport' });
  const result = await importAnnotations(target, annotations);
  assert.deepEqual([result.highlightsPlaced, result.tagsCreated, result.problems], [4, 2, []]);
  // Each tag is named by its path: the sub-tag comes back under the Transport tag already there.
  assert.deepEqual(await excerptsOf(target), await excerptsOf(source));
});

test('W3C tags of one name under two parents come back as two tags, each under its own parent', async (t) => {
  const source = tempLibrary(t);
  const ferryId = await importText(source, 'ferry.txt', ferry);
  for (const [parent, quote] of [['Sovereignty', 'Night crossings'], ['Trade', 'second berth']] as const) {
    const { id: parentId } = await source.service.createTag({ name: parent });
    const claim = await source.service.createTag({ name: 'Claim', parentId });
    await code(source, ferryId, quote, [claim.id]);
  }
  const annotations = await source.service.exportExcerpts({ format: 'w3c' });
  assert.match(annotations.content, /"value":"Sovereignty › Claim"/);

  const target = tempLibrary(t);
  await importText(target, 'ferry.txt', ferry);
  // A tag of the same name at the top is not the one a path names.
  await target.service.createTag({ name: 'claim' });
  const result = await importAnnotations(target, annotations);
  assert.deepEqual([result.highlightsPlaced, result.tagsCreated, result.problems], [2, 4, []]);
  assert.deepEqual(await excerptsOf(target), await excerptsOf(source));
});

test('W3C annotations exported from this library find their document by its name here, though another has the same title', async (t) => {
  const library = tempLibrary(t);
  await importText(library, 'bridge.txt', bridge);
  const sameTitle = await importText(library, 'bridge-update.txt', bridge.replace('весной', 'летом'));
  const { id: tag } = await library.service.createTag({ name: 'Dates' });
  const highlight = await code(library, sameTitle, 'Мост', [tag]);
  const annotations = await library.service.exportExcerpts({ format: 'w3c' });
  await library.service.deleteAnnotation({ id: highlight.id });

  const result = await importAnnotations(library, annotations);
  assert.deepEqual([result.highlightsPlaced, result.problems], [1, []]);
  assert.deepEqual((await library.service.listAnnotations({ documentId: sameTitle })).map((a) => [a.start, a.end]), [[highlight.start, highlight.end]]);
});

test('annotations for a document the library lacks, and files of other kinds, are refused saying what to do', async (t) => {
  const source = await codedLibrary(t);
  const annotations = await source.service.exportExcerpts({ format: 'w3c' });
  const empty = tempLibrary(t);
  const result = await importAnnotations(empty, annotations);
  assert.equal(result.highlightsPlaced, 0);
  assert.equal(result.problems.length, 4);
  assert.match(result.problems[0]!, /No document in the library is “.*”: import it first, then the annotations on it\./);
  await assert.rejects(empty.service.importExchange({ name: 'notes.docx', bytes: 'AAAA' }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'invalid-argument' && e.field === 'name' && /Choose a REFI-QDA project/.test(e.message));
  await assert.rejects(empty.service.importExchange({ name: 'broken.qdpx', bytes: Buffer.from('not a zip').toString('base64') }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'invalid-argument');
  assert.deepEqual(await empty.service.listDocuments({}), [], 'nothing was added');
});

test('a REFI-QDA codebook brings its codes, nested, into the codebook; codes it already holds are met, not doubled', async (t) => {
  const source = await codedLibrary(t);
  const codebook = await source.service.exportExcerpts({ format: 'qdc' });
  const target = tempLibrary(t);
  await target.service.createTag({ name: 'dates' });
  const result = await target.service.importExchange({ name: 'codebook.qdc', bytes: Buffer.from(codebook.content).toString('base64') });
  assert.deepEqual([result.tagsCreated, result.tagsFound, result.documentsImported, result.highlightsPlaced], [2, 1, 0, 0]);
  const tags = await target.service.listTags({});
  const ports = tags.find((tag) => tag.name === 'Ports')!;
  assert.equal(tags.find((tag) => tag.id === ports.parentId)?.name, 'Transport');
  assert.equal(tags.length, 3);
});

/// Every row of the tables an import writes to, to compare a library with itself before.
function libraryRows(library: Library): Record<string, unknown[]> {
  const tables = ['documents', 'document_revisions', 'tags', 'annotations', 'annotation_tags'];
  return Object.fromEntries(tables.map((table) => [table, library.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
}

/// `library` after a failed import: exactly the rows it had, and no change announced.
async function assertRefusedWhole(library: Library, name: string, bytes: string, message: RegExp): Promise<void> {
  const before = libraryRows(library);
  const changes: unknown[] = [];
  library.service.on('libraryChanged', (change) => changes.push(change));
  await assert.rejects(library.service.importExchange({ name, bytes }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'invalid-argument' && message.test(e.message) && e.message.endsWith('export it again and import the new file.'));
  assert.deepEqual(libraryRows(library), before);
  assert.deepEqual(changes, []);
}

test('a project whose later part the library refuses imports nothing, and the message names that part', async (t) => {
  const source = await codedLibrary(t);
  const project = unzipSync(Buffer.from((await source.service.exportExcerpts({ format: 'qdpx' })).content, 'base64'));
  // The last passage of the second document gets a note longer than a highlight may carry: by
  // then the first document, the codebook and three passages have been added.
  const qde = strFromU8(project['project.qde']!);
  const note = '<Description>Весна — это когда?</Description>';
  assert.equal(qde.indexOf(note), qde.lastIndexOf(note));
  assert.ok(qde.indexOf(note) > qde.lastIndexOf('<TextSource'));
  project['project.qde'] = strToU8(qde.replace(note, `<Description>${'a'.repeat(100_001)}</Description>`));
  const refused = Buffer.from(zipSync(project)).toString('base64');

  const target = tempLibrary(t);
  await importText(target, 'ferry.txt', ferry);
  await target.service.createTag({ name: 'Transport' });
  await assertRefusedWhole(target, 'project.qdpx', refused,
    /^Excerpt refused the highlight “Мост через реку откроется весной\.” in “Заявление о мосте” \(createAnnotation: "note" is not valid: .*\), so nothing from the file was imported and the library is as it was\./);
});

test('a codebook whose last code the library refuses adds none of its codes', async (t) => {
  const codes = ['Transport', 'Ports', 'x'.repeat(201)].map((name, i) => `<Code guid="00000000-0000-4000-8000-00000000000${i}" name="${name}" isCodable="true"/>`);
  const codebook = `<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes.join('')}</Codes></CodeBook>`;
  const target = tempLibrary(t);
  await target.service.createTag({ name: 'Dates' });
  await assertRefusedWhole(target, 'codebook.qdc', Buffer.from(codebook).toString('base64'), /^Excerpt refused the code “x{59}…” \(createTag: "name" is not valid: /);
});
