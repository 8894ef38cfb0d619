import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalText } from '../../common/text.ts';
import { readPlainText } from './plainText.ts';

const read = (text: string) => readPlainText(new TextEncoder().encode(text));

const release = [
  '',
  '  Joint statement on regional cooperation in telecommunications  ',
  '27 October 2025',
  '',
  'The ministers of the three partner states met in Tallinn',
  'to review their common programme.',
  '',
  '',
  'They asked the Union to act as   facilitator.',
].join('\r\n');

test('a plain-text press release keeps every line: title, date line, paragraphs', () => {
  const imported = read(release);
  assert.equal(imported.title, 'Joint statement on regional cooperation in telecommunications');
  assert.equal(imported.published, '2025-10-27');
  assert.equal(imported.source, undefined);
  assert.equal(canonicalText(imported.doc), [
    'Joint statement on regional cooperation in telecommunications',
    '27 October 2025',
    'The ministers of the three partner states met in Tallinn to review their common programme.',
    'They asked the Union to act as   facilitator.',
  ].join('\n\n'));
  assert.deepEqual(imported.doc.content.content.map((block) => block.type.name), ['heading', 'paragraph', 'paragraph', 'paragraph']);
  imported.doc.check();
});

test('without a date line there is no publication date, and the body is still complete', () => {
  const imported = read('Statement by the delegation\nwe support the proposal\n\nThank you.');
  assert.equal(imported.published, null);
  assert.equal(canonicalText(imported.doc), 'Statement by the delegation\n\nwe support the proposal\n\nThank you.');
});

test('a first line too long to be a title is kept whole as a paragraph and shortened as the title', () => {
  const line = `${'word '.repeat(80)}end`;
  const imported = read(line);
  assert.ok(imported.title.length <= 200);
  assert.ok(imported.title.endsWith('…'));
  assert.equal(imported.doc.firstChild!.type.name, 'paragraph');
  assert.equal(canonicalText(imported.doc), line);
});

test('astral characters and Cyrillic text arrive unchanged', () => {
  const imported = read('Заявление 😊\n\nIntro 😊 𝔘 then the quote');
  assert.equal(imported.title, 'Заявление 😊');
  assert.equal(canonicalText(imported.doc), 'Заявление 😊\n\nIntro 😊 𝔘 then the quote');
});
