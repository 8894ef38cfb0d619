import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { openLibrary } from '../core/library.ts';
import { tempDir } from '../core/testing/tempLibrary.ts';
import { runExcerpt } from './runExcerpt.ts';

const release = `Ministers agree on network security

19 November 2021

Ransomware gangs were discussed at length. The Émigré delegation stressed sovereignty.

Tariffs on equipment were left aside.
`;

/// A library in a temporary folder with the release imported as document 1, and the command
/// line run against it.
async function releaseLibrary(t: TestContext) {
  const dir = tempDir(t);
  const db = join(dir, 'library.sqlite');
  const file = join(dir, 'release.txt');
  writeFileSync(file, release);
  const run = (...args: string[]) => runExcerpt(['--db', db, ...args], { home: dir });
  assert.equal((await run('import', file)).status, 0);
  return { dir, db, run };
}

test('export takes the excerpt query\'s conditions as flags, and writes binary formats as bytes', async (t) => {
  const { dir, run } = await releaseLibrary(t);
  for (const [quote, tag] of [['Ransomware gangs were discussed at length.', 'Cybercrime'], ['The Émigré delegation stressed sovereignty.', 'Sovereignty'], ['Tariffs on equipment were left aside.', 'Trade']]) {
    const coded = await run('code', '1', '--quote', quote!, '--tag', tag!);
    assert.equal(coded.status, 0, coded.stderr);
  }
  const texts = async (...conditions: string[]) => {
    const result = await run('export', '--format', 'json', ...conditions);
    assert.equal(result.status, 0, result.stderr);
    return (JSON.parse(result.stdout) as { text: string }[]).map((e) => e.text);
  };
  assert.deepEqual(await texts('--tag', 'cybercrime', '--tag', 'Trade'), ['Ransomware gangs were discussed at length.', 'Tariffs on equipment were left aside.']);
  assert.deepEqual(await texts('--tag', 'Cybercrime', '--tag', 'Trade', '--all-tags'), []);
  assert.deepEqual(await texts('--not-tag', 'Trade', '--search', 'emigre'), ['The Émigré delegation stressed sovereignty.']);
  assert.deepEqual(await texts('--tag', 'Sovereignty', '--with-tag', 'Cybercrime', '--within', 'paragraph'), ['The Émigré delegation stressed sovereignty.']);
  assert.deepEqual(await texts('--from', '2022-01-01'), [], 'the release is dated 2021');

  const project = await run('export', '--format', 'qdpx', '--out', join(dir, 'project.qdpx'));
  assert.equal(project.status, 0, project.stderr);
  assert.match(strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, 'project.qdpx'))))['project.qde']!), /<PlainTextSelection /);

  const badDate = await run('export', '--format', 'csv', '--from', '2021-13-45');
  assert.notEqual(badDate.status, 0);
  assert.match(badDate.stderr, /YYYY-MM-DD/);
  const unknownTag = await run('export', '--format', 'csv', '--not-tag', 'Nope');
  assert.equal(unknownTag.status, 2);
  assert.match(unknownTag.stderr, /no tag called "Nope". "excerpt tags" lists the codebook/);
  const lonelyWithin = await run('export', '--format', 'csv', '--within', 'paragraph');
  assert.equal(lonelyWithin.status, 2);
  assert.match(lonelyWithin.stderr, /--within goes with --with-tag NAME/);
});

test('import takes a REFI-QDA project exported by another library whole, and says what it added', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'release.txt');
  writeFileSync(file, release);
  const first = (...args: string[]) => runExcerpt(['--db', join(dir, 'first.sqlite'), ...args], { home: dir });
  const second = (...args: string[]) => runExcerpt(['--db', join(dir, 'second.sqlite'), ...args], { home: dir });
  assert.equal((await first('import', file)).status, 0);
  assert.equal((await first('code', '1', '--quote', 'Tariffs on equipment were left aside.', '--tag', 'Trade', '--note', 'Later.')).status, 0);
  const project = join(dir, 'project.qdpx');
  assert.equal((await first('export', '--format', 'qdpx', '--out', project)).status, 0);

  const imported = await second('import', project);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stderr, /1 documents imported \(0 already there\), 1 tags added \(0 already there\), 1 highlights placed/);
  const excerpts = JSON.parse((await second('export', '--format', 'json')).stdout) as { text: string; tags: string[]; note: string }[];
  assert.deepEqual(excerpts.map((e) => [e.text, e.tags, e.note]), [['Tariffs on equipment were left aside.', ['Trade'], 'Later.']]);
  const broken = join(dir, 'broken.qdpx');
  writeFileSync(broken, 'not a zip');
  const refused = await second('import', broken);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /broken\.qdpx was not imported: /);
});

test('export --query runs a query saved under that name', async (t) => {
  const { db, run } = await releaseLibrary(t);
  assert.equal((await run('code', '1', '--quote', 'Tariffs on equipment were left aside.', '--tag', 'Trade')).status, 0);
  assert.equal((await run('code', '1', '--quote', 'Ransomware gangs were discussed at length.', '--tag', 'Cybercrime')).status, 0);
  const library = openLibrary(db);
  await library.service.saveQuery({ name: 'Trade only', filter: { tags: ['Trade'] } });
  library.close();

  const result = await run('export', '--format', 'json', '--query', 'trade ONLY');
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual((JSON.parse(result.stdout) as { text: string }[]).map((e) => e.text), ['Tariffs on equipment were left aside.']);
  const missing = await run('export', '--format', 'json', '--query', 'Nope');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no saved query called "Nope"; the library has "Trade only"\./);
  const mixed = await run('export', '--format', 'json', '--query', 'Trade only', '--tag', 'Trade');
  assert.equal(mixed.status, 2);
  assert.match(mixed.stderr, /--query takes the saved query as it is/);
});
