/// The REFI-QDA project reader: Excerpt's own `.qdpx` read back exactly (texts, UTF-16 ranges,
/// tags through the codebook, notes, document details), a project as another program writes it
/// (no variables, a byte-order mark, Windows line ends, inline text, things to leave out), and
/// files it must refuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { toUtf16Offset } from '../../common/codepoints.ts';
import type { ExportSnapshot } from '../export/excerpts.ts';
import { codebookToQdc, libraryGuid, snapshotToQdpx } from '../export/refiQda.ts';
import { SAMPLE_LIBRARY_ID, sampleSnapshot } from '../testing/exportSample.ts';
import { writeZip } from '../testing/writeZip.ts';
import { readQdpx } from './readQdpx.ts';
import { roundTripSnapshot } from '../testing/roundTripSample.ts';
import { assertRefused } from '../testing/assertRefused.ts';

const EXPORTED_AT = '2026-03-02T09:30:00.000Z';

/// Code points before the first `quote` in `text`, and up to its end.
function codePointRange(text: string, quote: string): [start: number, end: number] {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, `"${quote}" is in the text`);
  return [Array.from(text.slice(0, at)).length, Array.from(text.slice(0, at + quote.length)).length];
}

function assertReadsBack(snapshot: ExportSnapshot): void {
  const project = readQdpx(snapshotToQdpx(snapshot, EXPORTED_AT));
  assert.deepEqual(project.problems, []);

  const nameOf = new Map(project.codebook.map((code) => [code.key, code.name]));
  const tagName = new Map(snapshot.codebook.map((tag) => [tag.id, tag.name]));
  assert.deepEqual(
    project.codebook.map((code) => ({ key: code.key, name: code.name, parent: code.parentKey === null ? null : nameOf.get(code.parentKey) })),
    snapshot.codebook.map((tag) => ({ key: libraryGuid(SAMPLE_LIBRARY_ID, 'tag', tag.id), name: tag.name, parent: tag.parentId === null ? null : tagName.get(tag.parentId) })),
  );

  assert.deepEqual(
    project.documents.map(({ highlights: _, ...document }) => document),
    snapshot.documents.map((document) => ({
      key: libraryGuid(SAMPLE_LIBRARY_ID, 'document', document.id), title: document.title, text: document.text,
      source: document.source, published: document.published, url: document.url,
    })),
  );

  for (const [i, document] of snapshot.documents.entries()) {
    const read = project.documents[i]!;
    const expected = snapshot.excerpts.filter((excerpt) => excerpt.document.id === document.id).map((excerpt) => ({
      start: toUtf16Offset(document.text, excerpt.start),
      end: toUtf16Offset(document.text, excerpt.end),
      quote: excerpt.text,
      tags: excerpt.tags,
      note: excerpt.note,
    }));
    assert.deepEqual(read.highlights.map((highlight) => ({
      start: highlight.start,
      end: highlight.end,
      quote: read.text.slice(highlight.start, highlight.end),
      tags: highlight.codeKeys.map((key) => nameOf.get(key)),
      note: highlight.note,
    })), expected, document.title);
  }
  // Otherwise the sample could not tell code points from UTF-16 offsets.
  assert.ok(snapshot.excerpts.some((excerpt) => excerpt.end - excerpt.start !== excerpt.text.length), 'astral characters in a quote');
}

test('the sample project exported as .qdpx reads back with every text, range, tag and note', () => {
  assertReadsBack(sampleSnapshot());
});

test('astral characters, Cyrillic, a quote over a paragraph break and Windows line ends read back exactly', () => {
  const snapshot = roundTripSnapshot();
  assert.ok(snapshot.excerpts.some((excerpt) => excerpt.text.includes('\n\n')), 'a quote over a paragraph break');
  assert.ok(snapshot.excerpts.some((excerpt) => excerpt.start !== snapshot.documents.find((d) => d.id === excerpt.document.id)!.text.indexOf(excerpt.text)), 'astral characters before a quote');
  assertReadsBack(snapshot);
});

test('a project as another program writes it: no variables, a byte-order mark, CRLF, inline text, things to leave out', () => {
  const economy = '{5B0E2A6C-1D3F-4E5A-9B7C-0D1E2F3A4B5C}';
  const jobs = '6C1F3B7D-2E4A-4F6B-8C8D-1E2F3A4B5C6D';
  const statement = 'Statement on jobs\r\n\r\nThe 😊 plan adds 𝔘 500 jobs.\r\nЗарплаты растут.\r\n';
  const inline = 'Inline text 😊 with a quote & a memo.';
  const [numberStart, numberEnd] = codePointRange(statement, 'adds 𝔘 500 jobs');
  const [lineStart, lineEnd] = codePointRange(statement, 'jobs.\r\nЗарплаты');
  const [quoteStart, quoteEnd] = codePointRange(inline, 'a quote & a memo');
  const selection = (guid: string, name: string, start: number, end: number, content: string) =>
    `<PlainTextSelection guid="${guid}" name="${name}" startPosition="${start}" endPosition="${end}">${content}</PlainTextSelection>`;
  const coding = (target: string) => `<Coding guid="E0000000-0000-4000-8000-00000000000${target.length % 10}"><CodeRef targetGUID="${target}"/></Coding>`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="Other QDA 3.1">
  <CodeBook><Codes>
    <Code guid="${economy}" name="Economy" isCodable="true" color="#FF8800">
      <Code guid="${jobs}" name="Jobs" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="D1000000-0000-4000-8000-000000000001" name="Statement on jobs" plainTextPath="internal://Statement%20One.TXT">
      ${selection('A0000000-0000-4000-8000-000000000001', 'adds 500 jobs', numberStart, numberEnd, `<Description>Big number.</Description>${coding(jobs.toLowerCase())}${coding('5B0E2A6C-1D3F-4E5A-9B7C-0D1E2F3A4B5C')}`)}
      ${selection('A0000000-0000-4000-8000-000000000002', 'over the line end', lineStart, lineEnd, coding(economy))}
      ${selection('A0000000-0000-4000-8000-000000000003', 'a bookmark', 2, 8, '')}
      ${selection('A0000000-0000-4000-8000-000000000004', 'out of range', 10, 999, coding(jobs))}
      ${selection('A0000000-0000-4000-8000-000000000005', 'unknown code', 2, 8, coding('9F000000-0000-4000-8000-000000000009'))}
      ${selection('A0000000-0000-4000-8000-000000000006', 'a memo only', 2, 8, '<Description>Read again.</Description>')}
    </TextSource>
    <TextSource guid="D1000000-0000-4000-8000-000000000002" name="Inline memo">
      <PlainTextContent>${inline.replace('&', '&amp;')}</PlainTextContent>
      ${selection('A0000000-0000-4000-8000-000000000007', 'a quote', quoteStart, quoteEnd, `${coding(economy)}<NoteRef targetGUID="B0000000-0000-4000-8000-000000000001"/>`)}
    </TextSource>
    <TextSource guid="D1000000-0000-4000-8000-000000000003" name="Kept elsewhere" plainTextPath="relative://elsewhere/doc.txt"/>
    <TextSource guid="D1000000-0000-4000-8000-000000000004" name="Lost file" plainTextPath="internal://lost.txt"/>
    <PDFSource guid="D1000000-0000-4000-8000-000000000005" name="Scan" path="internal://scan.pdf"/>
  </Sources>
  <Notes>
    <Note guid="{B0000000-0000-4000-8000-000000000001}" name="Memo"><PlainTextContent>Memo from the other program.</PlainTextContent></Note>
  </Notes>
</Project>
`;
  const bytes = zipSync({
    'Project.QDE': strToU8(qde),
    'sources/statement one.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(statement)]),
    'sources/scan.pdf': strToU8('%PDF-1.4'),
  });

  const project = readQdpx(bytes);
  assert.deepEqual(project.codebook, [
    { key: economy, name: 'Economy', color: '#ff8800', description: '', parentKey: null },
    { key: jobs, name: 'Jobs', color: null, description: '', parentKey: economy },
  ]);
  assert.deepEqual(project.documents, [
    {
      key: 'D1000000-0000-4000-8000-000000000001', title: 'Statement on jobs', text: statement, source: null, published: null, url: null,
      highlights: [
        { start: statement.indexOf('adds 𝔘 500 jobs'), end: statement.indexOf('adds 𝔘 500 jobs') + 'adds 𝔘 500 jobs'.length, codeKeys: [jobs, economy], note: 'Big number.' },
        { start: statement.indexOf('jobs.\r\n'), end: statement.indexOf('jobs.\r\n') + 'jobs.\r\nЗарплаты'.length, codeKeys: [economy], note: '' },
      ],
    },
    {
      key: 'D1000000-0000-4000-8000-000000000002', title: 'Inline memo', text: inline, source: null, published: null, url: null,
      highlights: [{ start: inline.indexOf('a quote'), end: inline.length - 1, codeKeys: [economy], note: 'Memo from the other program.' }],
    },
  ]);
  const problems = [
    new RegExp(String.raw`^In "Statement on jobs", the highlight "out of range" \(positions 10 to 999\) does not lie within the text, which has ${Array.from(statement).length} characters, so it was left out\.$`),
    /^In "Statement on jobs", the highlight "unknown code" carries a code \(9F000000-0000-4000-8000-000000000009\) that the codebook does not hold; that code was left off it\.$/,
    /^In "Statement on jobs", the highlight "a memo only" has a note but no code; Excerpt imports coded passages only, so it was left out\.$/,
    /^The document "Kept elsewhere" was left out: its text is kept outside the \.qdpx file \(relative:\/\/elsewhere\/doc\.txt\)/,
    /^The document "Lost file" was left out: its text file sources\/lost\.txt is missing from the \.qdpx file\.$/,
    /^The PDF document "Scan" was left out: Excerpt imports text documents only\.$/,
  ];
  assert.equal(project.problems.length, problems.length, project.problems.join('\n'));
  problems.forEach((problem, i) => assert.match(project.problems[i]!, problem));
});

test('a project with neither codebook nor sources is empty, not an error', () => {
  const project = readQdpx(zipSync({ 'project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="Empty"/>') }));
  assert.deepEqual(project, { codebook: [], documents: [], problems: [] });
});

test('files that hold no readable project are refused with what to do', () => {
  const qde = (content: string | Uint8Array) => zipSync({ 'project.qde': typeof content === 'string' ? strToU8(content) : content });
  const realQde = strFromU8(unzipSync(snapshotToQdpx(sampleSnapshot(), EXPORTED_AT))['project.qde']!);

  assertRefused(() => readQdpx(strToU8('This is a plain text file, not a project.')), /not a zip archive, or it is damaged.*Export the project again/);
  assertRefused(() => readQdpx(new Uint8Array()), /not a zip archive/);
  assertRefused(() => readQdpx(zipSync({ 'readme.txt': strToU8('hello') })), /^This \.qdpx file has no project\.qde inside, so it holds no REFI-QDA project\. Export the project again from the program that made it\.$/);
  assertRefused(() => readQdpx(qde('this is not XML at all')), /project\.qde inside this \.qdpx file is not readable XML/);
  assertRefused(() => readQdpx(qde(realQde.slice(0, realQde.length / 2))), /not readable XML: it is cut off or damaged/);
  assertRefused(() => readQdpx(qde(codebookToQdc(SAMPLE_LIBRARY_ID, sampleSnapshot().codebook))), /holds a <CodeBook> where a REFI-QDA project has its <Project>/);
  assertRefused(() => readQdpx(qde(new Uint8Array([0x3c, 0x50, 0xff, 0xfe, 0x2f, 0x3e]))), /is not UTF-8 text/);
});

test('a ZIP bomb is refused before it is unpacked', () => {
  const MB = 1024 * 1024;
  assertRefused(() => readQdpx(writeZip([{ name: 'project.qde', data: '<Project name="x"/>', statedSize: 300 * MB }])), /would unpack to more than .*ZIP bomb/);
  assertRefused(() => readQdpx(writeZip([{ name: 'project.qde', data: ' '.repeat(10_000), statedSize: 50 * MB }])), /packed [\d,]+ to 1.*ZIP bombs/);
});
