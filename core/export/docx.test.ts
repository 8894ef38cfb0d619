import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { sampleSnapshot } from '../testing/exportSample.ts';
import { unparsableXmlParts, withForbiddenCharacters } from '../testing/forbiddenCharacters.ts';
import { snapshotToDocx } from './docx.ts';

const url = 'https://example.org/press/2021/11/data-flows?lang=en&view=full';
const dataFlows = 'Joint statement on trusted data flows (2021-11-19, Ministry of Digital Affairs)';
const citation = (paragraph: number) => `— “Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. ${paragraph}, ${url}`;
const agreed = 'The ministers agreed that *trusted* data flows need <b>common</b> rules & safeguards.';
const compare = 'Note: Compare with the 2019 wording: "rules" was "principles".';

test('Word text of the brief: headings, quotes, citations and notes in the brief\'s order', async () => {
  const bytes = await snapshotToDocx(sampleSnapshot(), '2026-03-02 14:05');
  const { value, messages } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  assert.deepEqual(messages, []);
  assert.deepEqual(value.split('\n\n').map((paragraph) => paragraph.trim()).filter(Boolean), [
    'Excerpts by tag',
    'Exported 2026-03-02 14:05 · 4 excerpts from 2 documents',
    'Security',
    dataFlows,
    'Security cooperation remains a priority for both governments.',
    citation(3),
    'Security › Cybercrime',
    dataFlows,
    agreed,
    citation(2),
    compare,
    'Заявление о сотрудничестве в сфере кибербезопасности (Пресс-служба)',
    'Стороны договорились обмениваться сведениями об инцидентах 😊 в течение 24 часов.',
    '— “Заявление о сотрудничестве в сфере кибербезопасности”, Пресс-служба, para. 1',
    'Note: Срок — 24 часа.',
    'Trade',
    dataFlows,
    agreed,
    citation(2),
    compare,
    'Both sides will set up a joint working group.',
    'Its first report is due in spring 2022.',
    citation(4),
    // Raw text leaves out line breaks (a <w:br>): the next test sees this one.
    'Note: Follow upin spring.',
  ]);
});

test('each part of the brief carries its Word style: headings by level, quotes as Quote', async () => {
  const bytes = await snapshotToDocx(sampleSnapshot(), '2026-03-02');
  const styleMap = ["p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Citation'] => p.citation:fresh", "p[style-name='Note'] => p.note:fresh"];
  const { value, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap });
  // mammoth warns about any paragraph style it does not know: there must be none.
  assert.deepEqual(messages, []);
  const shape = value.replaceAll(/>[^<]+</g, '><').replaceAll('</blockquote><blockquote>', '');
  assert.equal(shape, [
    '<h1></h1><p></p>',
    '<h2></h2><h3></h3><blockquote><p></p></blockquote><p class="citation"></p>',
    '<h2></h2><h3></h3><blockquote><p></p></blockquote><p class="citation"></p><p class="note"><strong></strong></p>',
    '<h3></h3><blockquote><p></p></blockquote><p class="citation"></p><p class="note"><strong></strong></p>',
    '<h2></h2><h3></h3><blockquote><p></p></blockquote><p class="citation"></p><p class="note"><strong></strong></p>',
    '<blockquote><p></p><p></p></blockquote><p class="citation"></p><p class="note"><strong></strong><br /></p>',
  ].join(''));
  assert.match(value, /<h2>Security › Cybercrime<\/h2>/);
  assert.match(value, /<p class="note"><strong>Note: <\/strong>Follow up<br \/>in spring\.<\/p>/);
  assert.match(value, /<blockquote><p>The ministers agreed that \*trusted\* data flows need &lt;b&gt;common&lt;\/b&gt; rules &amp; safeguards\.<\/p><\/blockquote>/);
});

test('the file names its title and keeps the library\'s text out of its markup', async () => {
  const snapshot = sampleSnapshot();
  snapshot.excerpts = snapshot.excerpts.map((excerpt) => ({ ...excerpt, document: { ...excerpt.document, title: '</w:t></w:r><w:r><w:t>injected' } }));
  const bytes = await snapshotToDocx(snapshot, 'now');
  const files = unzipSync(bytes);
  assert.match(strFromU8(files['docProps/core.xml']!), /<dc:title>Excerpts by tag<\/dc:title>/);
  const body = strFromU8(files['word/document.xml']!);
  assert.ok(body.includes('&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;injected'));
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  assert.ok(value.includes('“</w:t></w:r><w:r><w:t>injected”, Ministry of Digital Affairs'));
});

test('characters XML forbids are left out of every text, so Word opens the file; everything else reads as before', async () => {
  const clean = await snapshotToDocx(sampleSnapshot(), 'now');
  const salted = await snapshotToDocx(withForbiddenCharacters(sampleSnapshot()), 'now');
  // libxml2 refuses a forbidden character as Word does; the part refused before was word/document.xml.
  assert.deepEqual(unparsableXmlParts(salted), []);
  // The same body to the byte: quotes, notes, titles, sources and tags, emoji and Cyrillic intact.
  assert.equal(strFromU8(unzipSync(salted)['word/document.xml']!), strFromU8(unzipSync(clean)['word/document.xml']!));
  const { value, messages } = await mammoth.extractRawText({ buffer: Buffer.from(salted) });
  assert.deepEqual(messages, []);
  assert.ok(value.includes('Стороны договорились обмениваться сведениями об инцидентах 😊 в течение 24 часов.'));
});
