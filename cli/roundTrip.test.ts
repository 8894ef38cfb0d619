import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Papa from 'papaparse';
import { openLibrary } from '../core/library.ts';
import { tempDir } from '../core/testing/tempLibrary.ts';
import { runExcerpt } from './runExcerpt.ts';

const release = `Joint statement on equal rights in Internet governance

19 November 2021

The two presidents "recognise the need to strengthen coordination in the UN" and to
enhance the role of the International Telecommunication Union.

They also welcomed progress on a convention to combat information crime.
`;

// Two astral characters (an emoji and MATHEMATICAL FRAKTUR CAPITAL U) before the quotes:
// each is two UTF-16 units but one code point, so the exported offsets must differ from
// JavaScript string indexes by exactly two.
const astral = `Statement 😀 with astral characters

2022-03-04

Delegates 😀 met; the 𝔘nion said: “equal rights for all States” and more.
`;

interface ExportedExcerpt {
  document: { id: number; title: string; published: string | null };
  tags: string[];
  text: string;
  start: number;
  end: number;
  note: string;
}

test('import, code and export give back the exact quote with its tag, in CSV and JSON', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'library.sqlite');
  const file = join(dir, 'release.txt');
  writeFileSync(file, release);
  const run = (...args: string[]) => runExcerpt(['--db', db, ...args], { home: dir });

  const imported = await run('import', file);
  assert.equal(imported.status, 0, imported.stderr);
  assert.equal(imported.stdout, '1\tJoint statement on equal rights in Internet governance\n');

  const quote = 'enhance the role of the International Telecommunication Union';
  const coded = await run('code', '1', '--quote', quote, '--tag', 'ITU role', '--note', 'the key claim');
  assert.equal(coded.status, 0, coded.stderr);
  assert.match(coded.stdout, /^\d+\n$/);

  const json = await run('export', '--format', 'json');
  assert.equal(json.status, 0, json.stderr);
  const excerpts = JSON.parse(json.stdout) as ExportedExcerpt[];
  assert.equal(excerpts.length, 1);
  assert.equal(excerpts[0]!.text, quote);
  assert.deepEqual(excerpts[0]!.tags, ['ITU role']);
  assert.equal(excerpts[0]!.note, 'the key claim');
  assert.equal(excerpts[0]!.document.published, '2021-11-19');

  const csv = await run('export', '--format', 'csv');
  assert.equal(csv.status, 0, csv.stderr);
  assert.ok(csv.stdout.startsWith('\uFEFF'), 'CSV starts with a byte-order mark');
  const parsed = Papa.parse<Record<string, string>>(csv.stdout.slice(1), { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.meta.fields, ['document_id', 'document_title', 'published', 'source', 'tags', 'excerpt', 'start', 'end', 'note']);
  assert.equal(parsed.data.length, 1);
  assert.equal(parsed.data[0]!.excerpt, quote);
  assert.equal(parsed.data[0]!.tags, 'ITU role');
  assert.equal(parsed.data[0]!.document_id, '1');
});

test('a quote after an emoji and an astral letter gets code-point offsets', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'library.sqlite');
  const file = join(dir, 'astral.txt');
  writeFileSync(file, astral);
  const run = (...args: string[]) => runExcerpt(['--db', db, ...args], { home: dir });
  assert.equal((await run('import', file)).status, 0);
  // How many astral characters stand before each quote: the title's emoji, the paragraph's
  // emoji, and for the first quote the 𝔘 too.
  const astralBefore = new Map([['equal rights for all States', 3], ['𝔘nion said', 2]]);
  const quotes = [...astralBefore.keys()];
  for (const quote of quotes) {
    const coded = await run('code', '1', '--quote', quote, '--tag', 'Equal rights');
    assert.equal(coded.status, 0, coded.stderr);
  }

  const library = openLibrary(db);
  const text = await library.service.getDocument({ id: 1 }).then((doc) => doc.text).finally(() => library.close());
  const points = Array.from(text);
  const excerpts = (JSON.parse((await run('export', '--format', 'json')).stdout) as ExportedExcerpt[])
    .sort((a, b) => b.start - a.start);
  assert.deepEqual(excerpts.map((e) => e.text), quotes);
  for (const excerpt of excerpts) {
    assert.equal(excerpt.start, text.indexOf(excerpt.text) - astralBefore.get(excerpt.text)!);
    assert.equal(excerpt.end - excerpt.start, Array.from(excerpt.text).length);
    assert.equal(points.slice(excerpt.start, excerpt.end).join(''), excerpt.text);
  }

  const csv = Papa.parse<Record<string, string>>((await run('export', '--format', 'csv')).stdout.slice(1), { header: true, skipEmptyLines: true });
  for (const row of csv.data) assert.equal(points.slice(Number(row.start), Number(row.end)).join(''), row.excerpt);
});

test('export --out writes the file whole and leaves no temporary file behind', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'library.sqlite');
  const file = join(dir, 'release.txt');
  writeFileSync(file, release);
  const run = (...args: string[]) => runExcerpt(['--db', db, ...args], { home: dir });
  await run('import', file);
  await run('code', '1', '--quote', 'information crime', '--tag', 'Information crime convention');
  const out = join(dir, 'out', 'excerpts.json');

  const missingFolder = await run('export', '--format', 'json', '--out', out);
  assert.equal(missingFolder.status, 1);
  assert.match(missingFolder.stderr, /^excerpt: could not write .*excerpts\.json/);

  mkdirSync(join(dir, 'out'));
  writeFileSync(out, 'old content');
  const written = await run('export', '--format', 'json', '--tag', 'information crime convention', '--out', out);
  assert.equal(written.status, 0, written.stderr);
  assert.equal(written.stdout, '');
  assert.equal((JSON.parse(readFileSync(out, 'utf8')) as ExportedExcerpt[])[0]!.text, 'information crime');
  assert.deepEqual(readdirSync(join(dir, 'out')), ['excerpts.json']);
});
