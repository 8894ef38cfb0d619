import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { toUtf16Offset } from '../../common/codepoints.ts';
import { ExcerptError } from '../../common/errors.ts';
import { readExportSnapshot, type Excerpt } from '../export/excerpts.ts';
import { documentStore } from '../store/documents.ts';
import { excerptStore } from '../store/excerpts.ts';
import { tagStore } from '../store/tags.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';

/// Two documents: one with astral characters before the quote, one plain; tagged and untagged highlights.
async function codedLibrary(t: TestContext) {
  const library = tempLibrary(t);
  const { service } = library;
  const astral = await importText(library, 'astral.txt', 'Statement, with "quotes"\n2021-11-19\n\nIntro 😊 𝔘 then the quote, "as said".\nEnd.');
  const plain = await importText(library, 'plain.txt', 'Plain statement\n\nThe Union will act as facilitator.');
  const role = await service.createTag({ name: 'ITU role' });
  const convention = await service.createTag({ name: 'Convention' });
  const text = (await service.getDocument({ id: astral })).text;
  const start = text.indexOf('then the quote');
  const quote = await service.createAnnotation({ documentId: astral, start, end: text.indexOf('.', start) + 1, tagIds: [role.id, convention.id], note: 'a note, "quoted"\nover two lines' });
  const early = await service.createAnnotation({ documentId: astral, start: 0, end: 9, tagIds: [convention.id] });
  await service.createAnnotation({ documentId: astral, start: 10, end: 14 }); // no tag: not an excerpt
  const facilitator = await service.createAnnotation({ documentId: plain, start: 17, end: 51, tagIds: [role.id] });
  return { library, service, astral, plain, text, start, quote, early, facilitator };
}

test('JSON export: tagged excerpts in document then reading order, offsets in code points', async (t) => {
  const { service, astral, plain, text, start, quote } = await codedLibrary(t);
  const file = await service.exportExcerpts({ format: 'json' });
  assert.match(file.filename, /^excerpts-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(file.mimeType, 'application/json');
  const excerpts = JSON.parse(file.content) as Excerpt[];
  assert.deepEqual(excerpts.map((e) => [e.document.id, e.text]), [
    [astral, 'Statement'],
    [astral, 'then the quote, "as said".'],
    [plain, 'The Union will act as facilitator.'],
  ]);
  const coded = excerpts[1]!;
  assert.deepEqual(coded.document, { id: astral, title: 'Statement, with "quotes"', source: null, published: '2021-11-19', url: null });
  assert.deepEqual(coded.tags, ['ITU role', 'Convention']);
  assert.equal(coded.note, 'a note, "quoted"\nover two lines');
  assert.equal(coded.prefix, quote.prefix);
  assert.equal(coded.suffix, quote.suffix);
  // Two astral characters before the quote: code points are two fewer than UTF-16 units.
  assert.equal(coded.start, start - 2);
  assert.equal(coded.end - coded.start, [...coded.text].length);
  const points = [...text];
  assert.equal(points.slice(coded.start, coded.end).join(''), coded.text);
  assert.equal(text.slice(toUtf16Offset(text, coded.start), toUtf16Offset(text, coded.end)), coded.text);
});

test('CSV export: byte-order mark, header, CRLF, and papaparse reads back the same values', async (t) => {
  const { service, astral, plain, start } = await codedLibrary(t);
  const file = await service.exportExcerpts({ format: 'csv' });
  assert.match(file.filename, /^excerpts-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.equal(file.mimeType, 'text/csv; charset=utf-8');
  assert.ok(file.content.startsWith('\uFEFFdocument_id,document_title,published,source,tags,excerpt,start,end,note\r\n'));
  const parsed = Papa.parse<Record<string, string>>(file.content.slice(1), { header: true, newline: '\r\n', skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.data.map((row) => row.document_id), [String(astral), String(astral), String(plain)]);
  assert.deepEqual(parsed.data[1], {
    document_id: String(astral),
    document_title: 'Statement, with "quotes"',
    published: '2021-11-19',
    source: '',
    tags: 'ITU role; Convention',
    excerpt: 'then the quote, "as said".',
    start: String(start - 2),
    end: String(start - 2 + [...'then the quote, "as said".'].length),
    note: 'a note, "quoted"\nover two lines',
  });
});

test('the filter keeps excerpts with any of the named tags, in the chosen documents', async (t) => {
  const { service, astral, plain } = await codedLibrary(t);
  const read = async (filter: { tags?: string[]; documentIds?: number[] }) =>
    (JSON.parse((await service.exportExcerpts({ format: 'json', filter })).content) as Excerpt[]).map((e) => `${e.document.id}:${e.text.slice(0, 9)}`);
  assert.deepEqual(await read({ tags: ['itu ROLE'] }), [`${astral}:then the `, `${plain}:The Union`]);
  assert.deepEqual(await read({ tags: ['Convention'] }), [`${astral}:Statement`, `${astral}:then the `]);
  assert.deepEqual(await read({ tags: ['Convention'], documentIds: [plain] }), []);
  assert.deepEqual(await read({ documentIds: [plain] }), [`${plain}:The Union`]);
  assert.deepEqual(await read({ tags: [], documentIds: [] }), (await read({})));
  await assert.rejects(service.exportExcerpts({ format: 'csv', filter: { tags: ['Convention', 'Nope'] } }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'not-found' && e.field === 'filter.tags.1' && /no tag called "Nope"/.test(e.message));
});

test('an empty library exports just the header, or an empty array', async (t) => {
  const { service } = tempLibrary(t);
  assert.equal((await service.exportExcerpts({ format: 'csv' })).content, '\uFEFFdocument_id,document_title,published,source,tags,excerpt,start,end,note\r\n');
  assert.equal((await service.exportExcerpts({ format: 'json' })).content, '[]\n');
});

test('an export snapshot cites each excerpt (paragraph, ids, times) and carries the codebook parents first and the documents with their texts', async (t) => {
  const { library, astral, plain, text, quote, early, facilitator } = await codedLibrary(t);
  const { service } = library;
  const [role] = await service.listTags({});
  const child = await service.createTag({ name: 'Facilitation', parentId: role!.id });
  const { db } = library;
  const sources = { libraryId: 'c1e2a3b4-0000-4000-8000-000000000001', documents: documentStore(db), tags: tagStore(db), excerpts: excerptStore(db) };
  const snapshot = readExportSnapshot(sources, {});
  assert.deepEqual(snapshot.excerpts.map((e) => [e.id, e.paragraph]), [[early.id, 1], [quote.id, 3], [facilitator.id, 2]]);
  const coded = snapshot.excerpts[1]!;
  assert.deepEqual([coded.tagIds.length, coded.created, coded.modified], [2, quote.createdAt, quote.updatedAt]);
  assert.deepEqual(snapshot.codebook.map((tag) => tag.name), ['ITU role', 'Facilitation', 'Convention']);
  assert.equal(snapshot.codebook[1]!.id, child.id);
  assert.deepEqual(snapshot.documents.map((d) => [d.id, d.text === text]), [[astral, true], [plain, false]]);
  assert.deepEqual(readExportSnapshot(sources, { documentIds: [plain] }).documents.map((d) => d.id), [plain]);
});

test('REFI-QDA exports: the project as base64 zip bytes holding project.qde and the texts, the codebook as XML text', async (t) => {
  const { service, text } = await codedLibrary(t);
  const project = await service.exportExcerpts({ format: 'qdpx' });
  assert.match(project.filename, /^excerpts-\d{4}-\d{2}-\d{2}\.qdpx$/);
  assert.deepEqual([project.mimeType, project.encoding], ['application/zip', 'base64']);
  const files = unzipSync(Buffer.from(project.content, 'base64'));
  const names = Object.keys(files).sort();
  assert.equal(names.length, 3);
  assert.equal(names[0], 'project.qde');
  assert.ok(names.slice(1).every((name) => /^sources\/[0-9a-f-]{36}\.txt$/.test(name)));
  assert.ok(names.slice(1).some((name) => strFromU8(files[name]!) === text), 'the text whose offsets the selections count');
  const qde = strFromU8(files['project.qde']!);
  assert.equal(qde.match(/<PlainTextSelection /g)?.length, 3);
  assert.equal(qde.match(/<Coding /g)?.length, 4);

  const codebook = await service.exportExcerpts({ format: 'qdc' });
  assert.deepEqual([codebook.mimeType, codebook.encoding], ['application/xml', 'utf8']);
  assert.match(codebook.content, /<CodeBook [^>]*xmlns="urn:QDA-XML:codebook:1.0"/);
  assert.equal(codebook.content.match(/<Code /g)?.length, 2);
});

test('W3C export: an annotation collection in a .jsonld file, one annotation per excerpt with both selectors', async (t) => {
  const { service, text, quote } = await codedLibrary(t);
  const file = await service.exportExcerpts({ format: 'w3c' });
  assert.match(file.filename, /^excerpts-\d{4}-\d{2}-\d{2}\.jsonld$/);
  assert.deepEqual([file.mimeType, file.encoding], ['application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', 'utf8']);
  const collection = JSON.parse(file.content) as { type: string; total: number; first: { items: { id: string; target: { selector: { type: string; start?: number; end?: number; exact?: string }[] } }[] } };
  assert.deepEqual([collection.type, collection.total, collection.first.items.length], ['AnnotationCollection', 3, 3]);
  const annotation = collection.first.items.find((a) => a.id.endsWith(`:${quote.id}`))!;
  const position = annotation.target.selector.find((s) => s.type === 'TextPositionSelector')!;
  const exact = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact;
  assert.equal([...text].slice(position.start, position.end).join(''), exact);
});

test('brief and spreadsheet exports: Word and Excel files as base64 bytes their readers open, Markdown and HTML as text', async (t) => {
  const { service } = await codedLibrary(t);
  const word = await service.exportExcerpts({ format: 'docx' });
  assert.deepEqual([word.filename.endsWith('.docx'), word.encoding], [true, 'base64']);
  const { value: wordText } = await mammoth.extractRawText({ buffer: Buffer.from(word.content, 'base64') });
  assert.match(wordText, /ITU role[\s\S]*then the quote, "as said"\.[\s\S]*a note, "quoted"/);

  const excel = await service.exportExcerpts({ format: 'xlsx' });
  assert.deepEqual([excel.filename.endsWith('.xlsx'), excel.encoding], [true, 'base64']);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.from(excel.content, 'base64')).buffer);
  assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['Excerpts', 'Codebook']);
  assert.equal(workbook.getWorksheet('Excerpts')!.rowCount, 4, 'a header and three excerpts');

  const markdown = await service.exportExcerpts({ format: 'md' });
  assert.deepEqual([markdown.mimeType, markdown.encoding], ['text/markdown; charset=utf-8', 'utf8']);
  assert.match(markdown.content, /^## ITU role$/m);
  const html = await service.exportExcerpts({ format: 'html' });
  assert.match(html.content, /^<!DOCTYPE html>/i);
  assert.match(html.content, /<blockquote/);
});
