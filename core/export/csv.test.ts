import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { CSV_HEADER, csvField, excerptsToCsv } from './csv.ts';
import type { Excerpt } from './excerpts.ts';

const excerpt = (over: Partial<Excerpt> = {}): Excerpt => ({
  id: 3,
  tagIds: [1, 2],
  paragraph: 2,
  created: '2026-01-05T10:00:00.000Z',
  modified: '2026-01-05T10:00:00.000Z',
  document: { id: 7, title: 'Joint statement, Geneva', source: 'Ministry "A"', published: '2021-11-19', url: null },
  tags: ['ITU role', 'Convention'],
  text: 'He said: "we agree",\nthen left.',
  start: 8,
  end: 38,
  prefix: '',
  suffix: '',
  note: 'check\r\nthis',
  ...over,
});

test('fields are quoted only when RFC 4180 needs it, with quotes doubled', () => {
  assert.equal(csvField('plain text'), 'plain text');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "yes"'), '"say ""yes"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('carriage\rreturn'), '"carriage\rreturn"');
  assert.equal(csvField(''), '');
});

test('the file starts with a byte-order mark and the header, and ends rows with CRLF', () => {
  const csv = excerptsToCsv([excerpt({ document: { id: 1, title: 'T', source: null, published: null, url: null }, text: 'x', note: '', tags: ['A'] })]);
  assert.ok(csv.startsWith('\uFEFFdocument_id,document_title,published,source,tags,excerpt,start,end,note\r\n'));
  assert.equal(csv.slice(1), 'document_id,document_title,published,source,tags,excerpt,start,end,note\r\n1,T,,,A,x,8,38,\r\n');
  assert.equal(excerptsToCsv([]), `\uFEFF${CSV_HEADER.join(',')}\r\n`);
});

test('papaparse reads the file back to the same values', () => {
  const rows = [excerpt(), excerpt({ text: 'Заявление 😊 𝔘', tags: [], note: '', document: { id: 8, title: 'Second', source: null, published: null, url: null } })];
  const parsed = Papa.parse<string[]>(excerptsToCsv(rows).slice(1), { newline: '\r\n', skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.data, [
    CSV_HEADER,
    ['7', 'Joint statement, Geneva', '2021-11-19', 'Ministry "A"', 'ITU role; Convention', 'He said: "we agree",\nthen left.', '8', '38', 'check\r\nthis'],
    ['8', 'Second', '', '', '', 'Заявление 😊 𝔘', '8', '38', ''],
  ]);
});
