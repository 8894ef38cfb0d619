/// The REFI-QDA exports checked against the world: the standard's XSDs (through libxml2) and the
/// rules no schema states (offsets in code points into exactly the texts shipped, UTF-8 without
/// a byte-order mark, references that resolve, codes nested as the codebook says).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { XmlDocument, XmlElement, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { toCodePointOffset } from '../../common/codepoints.ts';
import { ExcerptError } from '../../common/errors.ts';
import type { Tag } from '../../common/types.ts';
import { emptySnapshot, SAMPLE_LIBRARY_ID } from '../testing/exportSample.ts';
import { referencePath } from '../testing/reference.ts';
import type { Excerpt, ExportedDocument, ExportSnapshot } from './excerpts.ts';
import { codebookToQdc, libraryGuid, snapshotToQdpx, xmlAttr, xmlText } from './refiQda.ts';

const EXPORTED_AT = '2026-03-02T09:30:00.000Z';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PROJECT = { q: 'urn:QDA-XML:project:1.0' };
const CODEBOOK = { c: 'urn:QDA-XML:codebook:1.0' };

const tag = (id: number, name: string, parentId: number | null, over: Partial<Tag> = {}): Tag => ({
  id, name, parentId, color: '#3a7bd5', description: '', whenToUse: '', whenNotToUse: '', example: '', shortcut: null, position: id, ...over,
});

/// Parents before children, as readExportSnapshot orders them; ids out of order on purpose.
const codebook: Tag[] = [
  tag(4, 'Policy', null, { color: '#aa0033', description: 'What the government commits to.' }),
  tag(2, 'Transport', 4, {
    description: 'Ferries, rail & roads: "capacity" <and> fares.',
    whenToUse: 'A concrete promise about a route or a timetable.',
    whenNotToUse: 'General praise of "infrastructure" without a route.',
    example: 'Night crossings resume in May.',
  }),
  tag(7, 'Funding', 4, { whenToUse: 'An amount, a budget line or a grant.' }),
  tag(1, 'Voice', null),
  tag(9, 'Direct quote', 1, { description: 'Words put in quotation marks & attributed.' }),
  tag(3, 'Minister', 9, { color: '#00ff7f' }),
];

const harbour: ExportedDocument = {
  id: 11,
  title: 'Harbour authority: ferry timetable & fares',
  source: 'Harbour Authority <Press Office>',
  published: '2026-02-14',
  url: 'https://example.org/press?id=11&lang=en',
  text: 'The harbour authority welcomes the new ferry 😊 and the 𝔘-line timetable.\n\n'
    + 'The minister said: "Capacity will double by 2027 & fares stay flat."\n\n'
    + 'Night crossings resume in May, with a grant of 4 million for the piers.',
};
const ministry: ExportedDocument = {
  id: 12,
  title: 'Министерство: программа для малых городов',
  source: 'Министерство развития',
  published: '2026-01-30',
  url: null,
  text: 'Министерство объявило о запуске программы поддержки малых городов.\n\n'
    + '«Мы поможем каждому району», — заявил министр. Программа рассчитана на три года.',
};
/// Named by the export filter, with no highlight in it.
const unquoted: ExportedDocument = {
  id: 13,
  title: 'Statement without highlights',
  source: null,
  published: null,
  url: null,
  text: 'Nothing in this statement was highlighted.',
};

/// A highlight of the first `quote` in `document`, its offsets counted as readExportSnapshot counts them.
function highlight(id: number, document: ExportedDocument, quote: string, tagIds: number[], note = ''): Excerpt {
  const at = document.text.indexOf(quote);
  assert.ok(at >= 0, `"${quote}" is in document ${document.id}`);
  const { text, ...described } = document;
  const names = new Map(codebook.map((t) => [t.id, t.name]));
  return {
    id, document: described, tags: tagIds.map((t) => names.get(t) ?? `tag ${t}`), tagIds, text: quote,
    start: toCodePointOffset(text, at), end: toCodePointOffset(text, at + quote.length),
    prefix: text.slice(Math.max(0, at - 10), at), suffix: text.slice(at + quote.length, at + quote.length + 10),
    note, paragraph: text.slice(0, at).split('\n\n').length,
    created: `2026-02-20T10:0${id % 10}:00.000Z`, modified: `2026-02-21T16:4${id % 10}:00.000Z`,
  };
}

const excerpts: Excerpt[] = [
  // After 😊 and 𝔘, so its UTF-16 offsets are two more than its code points.
  highlight(31, harbour, 'Capacity will double by 2027 & fares stay flat.', [2, 3], 'Check the 2027 figure against the budget <annex> & the "fares" table.\r\nAsk the press office.'),
  // Spans a paragraph break.
  highlight(32, harbour, 'fares stay flat."\n\nNight crossings resume in May', [2]),
  highlight(33, harbour, 'a grant of 4 million', [7]),
  highlight(34, ministry, '«Мы поможем каждому району»', [9, 3], 'Цитата министра.'),
];

const snapshot: ExportSnapshot = { libraryId: SAMPLE_LIBRARY_ID, excerpts, codebook, documents: [harbour, ministry, unquoted] };

function project(exported = snapshot): { qde: string; files: Record<string, Uint8Array> } {
  const files = unzipSync(snapshotToQdpx(exported, EXPORTED_AT));
  assert.ok(files['project.qde'], 'the archive holds project.qde');
  return { qde: strFromU8(files['project.qde']), files };
}

/// Validates `xml` against the schema at `xsdPath`; throws XmlValidateError when it does not conform.
function validate(xsdPath: string, xml: string): void {
  const schema = XmlDocument.fromBuffer(readFileSync(xsdPath));
  try {
    const validator = XsdValidator.fromDoc(schema);
    try {
      const document = XmlDocument.fromString(xml);
      try {
        validator.validate(document);
      } finally {
        document.dispose();
      }
    } finally {
      validator.dispose();
    }
  } finally {
    schema.dispose();
  }
}

/// What `read` finds in the parsed `xml`, the parsed document disposed afterwards.
function readXml<T>(xml: string, read: (document: XmlDocument) => T): T {
  const document = XmlDocument.fromString(xml);
  try {
    return read(document);
  } finally {
    document.dispose();
  }
}

function elements(node: XmlDocument | XmlElement, xpath: string, namespaces: Record<string, string> = PROJECT): XmlElement[] {
  return node.find(xpath, namespaces).filter((found): found is XmlElement => found instanceof XmlElement);
}

function attribute(element: XmlElement, name: string): string {
  const value = element.attr(name)?.value;
  assert.ok(value !== undefined, `${element.name} has a ${name} attribute`);
  return value;
}

function codePoints(text: string): string[] {
  return Array.from(text);
}

test('XML text and attributes escape markup and drop what XML 1.0 forbids', () => {
  assert.equal(xmlText('a & b < c > d "e" \'f\''), 'a &amp; b &lt; c &gt; d "e" \'f\'');
  assert.equal(xmlAttr('a & b < c > d "e" \'f\''), 'a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
  assert.equal(xmlText('one\r\ntwo\tthree'), 'one&#13;\ntwo\tthree');
  assert.equal(xmlAttr('one\r\ntwo\tthree'), 'one&#13;&#10;two&#9;three');
  assert.equal(xmlText('bell\u0007 nul\u0000 vt\u000b ff\u000c esc\u001b end'), 'bell nul vt ff esc end');
  assert.equal(xmlText('lone \ud800 and \udc00, nonchars \ufffe\uffff'), 'lone  and , nonchars ');
  assert.equal(xmlText('😊 𝔘 Привет'), '😊 𝔘 Привет');
});

test('GUIDs are version-5-style UUIDs, the same for the same item and different between items and between libraries', () => {
  const otherLibrary = '9d1f5c3a-2e4b-4c6d-8e0f-a1b2c3d4e5f6';
  const guids = [
    ...[SAMPLE_LIBRARY_ID, otherLibrary].flatMap((library) => [
      libraryGuid(library, 'tag', 1), libraryGuid(library, 'tag', 2), libraryGuid(library, 'document', 1), libraryGuid(library, 'annotation', 1), libraryGuid(library, 'coding', '1:1'),
    ]),
  ];
  for (const guid of guids) assert.match(guid, GUID);
  assert.equal(new Set(guids).size, guids.length);
  assert.equal(libraryGuid(SAMPLE_LIBRARY_ID, 'tag', 1), libraryGuid(SAMPLE_LIBRARY_ID, 'tag', 1));
  // What every project has alike (its user, the documents' variables) keeps one GUID everywhere.
  const shared = (library: string) => /<Variable guid="([^"]+)" name="Source"/.exec(project({ ...snapshot, libraryId: library }).qde)?.[1];
  assert.equal(shared(SAMPLE_LIBRARY_ID), shared(otherLibrary));
  assert.match(shared(otherLibrary) ?? '', GUID);
});

test('project.qde and the .qdc conform to the REFI-QDA schemas, and the validator rejects broken ones', (t) => {
  const projectXsd = referencePath(t, 'refi-qda', 'Project.xsd');
  const codebookXsd = referencePath(t, 'refi-qda', 'Codebook.xsd');
  if (!projectXsd || !codebookXsd) return;
  const { qde } = project();
  validate(projectXsd, qde);
  validate(projectXsd, project(emptySnapshot()).qde);
  const qdc = codebookToQdc(SAMPLE_LIBRARY_ID, codebook);
  validate(codebookXsd, qdc);

  const codeWithoutGuid = qde.replace(/<Code guid="[^"]*"/, '<Code');
  assert.notEqual(codeWithoutGuid, qde);
  assert.throws(() => validate(projectXsd, codeWithoutGuid), XmlValidateError);
  const wrongCase = qde.replace('<CodeBook>', '<Codebook>').replace('</CodeBook>', '</Codebook>');
  assert.notEqual(wrongCase, qde);
  assert.throws(() => validate(projectXsd, wrongCase), XmlValidateError);
  const badColor = qdc.replace('color="#AA0033"', 'color="#AA00ZZ"');
  assert.notEqual(badColor, qdc);
  assert.throws(() => validate(codebookXsd, badColor), XmlValidateError);
  assert.throws(() => validate(codebookXsd, qde), XmlValidateError);
});

test('each source is the canonical text in UTF-8 without a byte-order mark, named by its GUID', () => {
  const { qde, files } = project();
  const sources = snapshot.documents.map((document) => `sources/${libraryGuid(SAMPLE_LIBRARY_ID, 'document', document.id)}.txt`);
  assert.deepEqual(Object.keys(files).sort(), ['project.qde', ...sources].sort());
  for (const [i, document] of snapshot.documents.entries()) {
    const bytes = files[sources[i]!]!;
    assert.deepEqual(bytes, new TextEncoder().encode(document.text));
    assert.notDeepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  }
  readXml(qde, (xml) => {
    const textSources = elements(xml, '/q:Project/q:Sources/q:TextSource');
    assert.deepEqual(textSources.map((s) => attribute(s, 'name')), snapshot.documents.map((d) => d.title));
    assert.deepEqual(textSources.map((s) => attribute(s, 'plainTextPath')), sources.map((path) => `internal://${path.slice('sources/'.length)}`));
    assert.deepEqual(textSources.map((s) => attribute(s, 'guid')), snapshot.documents.map((d) => libraryGuid(SAMPLE_LIBRARY_ID, 'document', d.id)));
  });
});

test('every selection counts code points into exactly the shipped text and slices out its quote', () => {
  const { qde, files } = project();
  assert.notEqual(harbour.text.indexOf(excerpts[0]!.text), excerpts[0]!.start, 'the sample has astral characters before a highlight');
  readXml(qde, (xml) => {
    const selections = elements(xml, '//q:PlainTextSelection');
    assert.equal(selections.length, excerpts.length);
    for (const selection of selections) {
      const source = selection.parent!;
      const text = codePoints(strFromU8(files[attribute(source, 'plainTextPath').replace('internal://', 'sources/')]!));
      const start = Number(attribute(selection, 'startPosition'));
      const end = Number(attribute(selection, 'endPosition'));
      assert.ok(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length, `${start}..${end} lies within ${text.length}`);
      const excerpt = excerpts.find((e) => libraryGuid(SAMPLE_LIBRARY_ID, 'annotation', e.id) === attribute(selection, 'guid'))!;
      assert.equal(text.slice(start, end).join(''), excerpt.text);
      assert.equal(attribute(source, 'guid'), libraryGuid(SAMPLE_LIBRARY_ID, 'document', excerpt.document.id));
    }
  });
});

test('selections carry their note, one coding per tag, and a name from the quote', () => {
  const { qde } = project();
  readXml(qde, (xml) => {
    for (const excerpt of excerpts) {
      const [selection] = elements(xml, `//q:PlainTextSelection[@guid="${libraryGuid(SAMPLE_LIBRARY_ID, 'annotation', excerpt.id)}"]`);
      assert.ok(selection);
      assert.equal(elements(selection, 'q:Description')[0]?.content, excerpt.note || undefined);
      assert.deepEqual(elements(selection, 'q:Coding/q:CodeRef').map((ref) => attribute(ref, 'targetGUID')), excerpt.tagIds.map((id) => libraryGuid(SAMPLE_LIBRARY_ID, 'tag', id)));
      assert.equal(attribute(selection, 'creationDateTime'), excerpt.created);
      assert.equal(attribute(selection, 'modifiedDateTime'), excerpt.modified);
    }
    const names = elements(xml, '//q:PlainTextSelection').map((s) => attribute(s, 'name'));
    assert.ok(names.includes('fares stay flat." Night crossings resume in May'), 'a quote over a paragraph break is named on one line');
    const codeGuids = new Set(elements(xml, '//q:Code').map((code) => attribute(code, 'guid')));
    for (const ref of elements(xml, '//q:CodeRef')) assert.ok(codeGuids.has(attribute(ref, 'targetGUID')));
    const users = new Set(elements(xml, '/q:Project/q:Users/q:User').map((user) => attribute(user, 'guid')));
    for (const item of elements(xml, '//q:PlainTextSelection | //q:Coding')) assert.ok(users.has(attribute(item, 'creatingUser')));
  });
});

test('the documents\' source, date and URL are variables of their sources', () => {
  const { qde } = project();
  readXml(qde, (xml) => {
    const variables = new Map(elements(xml, '/q:Project/q:Variables/q:Variable').map((v) => [attribute(v, 'guid'), attribute(v, 'name')]));
    const valuesOf = (document: ExportedDocument) => Object.fromEntries(
      elements(xml, `//q:TextSource[@guid="${libraryGuid(SAMPLE_LIBRARY_ID, 'document', document.id)}"]/q:VariableValue`).map((value) => [
        variables.get(attribute(elements(value, 'q:VariableRef')[0]!, 'targetGUID')), elements(value, 'q:TextValue | q:DateValue')[0]!.content,
      ]),
    );
    assert.deepEqual(valuesOf(harbour), { Source: harbour.source, Published: harbour.published, URL: harbour.url });
    assert.deepEqual(valuesOf(ministry), { Source: ministry.source, Published: ministry.published });
    assert.deepEqual(valuesOf(unquoted), {});
  });
});

test('codes nest as the codebook\'s parents say, with the codebook entry as readable description', () => {
  const byGuid = new Map(codebook.map((t) => [libraryGuid(SAMPLE_LIBRARY_ID, 'tag', t.id), t]));
  const checkCodes = (xml: XmlDocument, code: string, namespaces: Record<string, string>) => {
    const codes = elements(xml, `//${code}:Code`, namespaces);
    assert.equal(codes.length, codebook.length);
    for (const element of codes) {
      const tag = byGuid.get(attribute(element, 'guid'));
      assert.ok(tag);
      const parent = element.parent!;
      assert.equal(parent.name === 'Code' ? attribute(parent, 'guid') : null, tag.parentId === null ? null : libraryGuid(SAMPLE_LIBRARY_ID, 'tag', tag.parentId));
      assert.equal(attribute(element, 'name'), tag.name);
      assert.equal(attribute(element, 'isCodable'), 'true');
      assert.equal(attribute(element, 'color'), tag.color.toUpperCase());
    }
  };
  readXml(project().qde, (xml) => checkCodes(xml, 'q', PROJECT));
  readXml(codebookToQdc(SAMPLE_LIBRARY_ID, codebook), (xml) => {
    checkCodes(xml, 'c', CODEBOOK);
    assert.equal(elements(xml, `//c:Code[@guid="${libraryGuid(SAMPLE_LIBRARY_ID, 'tag', 2)}"]/c:Description`, CODEBOOK)[0]?.content, [
      'Ferries, rail & roads: "capacity" <and> fares.',
      'When to use: A concrete promise about a route or a timetable.',
      'When not to use: General praise of "infrastructure" without a route.',
      'Example: Night crossings resume in May.',
    ].join('\n\n'));
    assert.equal(elements(xml, `//c:Code[@guid="${libraryGuid(SAMPLE_LIBRARY_ID, 'tag', 7)}"]/c:Description`, CODEBOOK)[0]?.content, 'When to use: An amount, a budget line or a grant.');
    assert.deepEqual(elements(xml, `//c:Code[@guid="${libraryGuid(SAMPLE_LIBRARY_ID, 'tag', 1)}"]/c:Description`, CODEBOOK), []);
  });
});

test('exporting the same snapshot twice writes the same file', () => {
  assert.equal(project().qde, project().qde);
  assert.deepEqual(snapshotToQdpx(snapshot, EXPORTED_AT), snapshotToQdpx(snapshot, EXPORTED_AT));
  assert.equal(codebookToQdc(SAMPLE_LIBRARY_ID, codebook), codebookToQdc(SAMPLE_LIBRARY_ID, codebook));
});

test('an empty codebook cannot be a .qdc, and an inconsistent snapshot is refused', () => {
  assert.throws(() => codebookToQdc(SAMPLE_LIBRARY_ID, []), (error) => error instanceof ExcerptError && error.code === 'invalid-argument');
  const strayTag = highlight(35, harbour, 'the new ferry', [99]);
  assert.throws(() => snapshotToQdpx({ ...snapshot, excerpts: [strayTag] }, EXPORTED_AT), /tag 99/);
  assert.throws(() => snapshotToQdpx({ ...snapshot, documents: [ministry] }, EXPORTED_AT), /document 11/);
});
