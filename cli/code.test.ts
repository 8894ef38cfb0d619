import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { tempDir } from '../core/testing/tempLibrary.ts';
import { runExcerpt } from './runExcerpt.ts';

const release = `Belmora and Arnavia on the role of the ITU

14 May 2021

The Parties support an enhanced role for the International Telecommunication Union.

They call for a convention on information crime.
`;

async function libraryWithRelease(t: TestContext) {
  const dir = tempDir(t);
  const file = join(dir, 'release.txt');
  writeFileSync(file, release);
  const run = (...args: string[]) => runExcerpt(['--db', join(dir, 'library.sqlite'), ...args], { home: dir });
  assert.equal((await run('import', file)).status, 0);
  return run;
}

test('a quote that does not occur exits 2 naming the document and the quote, and changes nothing', async (t) => {
  const run = await libraryWithRelease(t);
  const result = await run('code', '1', '--quote', 'a treaty on cybercrime', '--tag', 'Information crime convention');
  assert.equal(result.status, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^excerpt: the quote "a treaty on cybercrime" does not occur in document 1 \("Belmora and Arnavia on the role of the ITU"\)\. /);
  assert.match(result.stderr, /copy the passage from the document/);
  assert.equal((await run('tags')).stdout, '', 'no tag was created for a quote that was not found');
});

test('a quote that differs only in spacing or case says what the text reads', async (t) => {
  const run = await libraryWithRelease(t);
  const result = await run('code', '1', '--quote', 'international  telecommunication union', '--tag', 'ITU role');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /does not occur exactly in document 1 .*the text there reads "International Telecommunication Union"/);
});

test('a missing document exits 2', async (t) => {
  const run = await libraryWithRelease(t);
  const result = await run('code', '7', '--quote', 'information crime', '--tag', 'ITU role');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^excerpt: there is no document 7 in this library\. "excerpt docs" lists/);
  const notAnId = await run('code', 'seven', '--quote', 'information crime', '--tag', 'ITU role');
  assert.equal(notAnId.status, 2);
  assert.match(notAnId.stderr, /DOC_ID must be a positive whole number, not "seven"/);
});

test('--tag takes a name at any level or a Parent/Child path, creating what is missing', async (t) => {
  const run = await libraryWithRelease(t);
  const nested = await run('code', '1', '--quote', 'International Telecommunication Union', '--tag', 'Internet governance/ITU role');
  assert.equal(nested.status, 0, nested.stderr);
  assert.match(nested.stderr, /added the tag "Internet governance".*\n.*added the tag "ITU role"/);

  // The plain name, in other capitals, finds the nested tag instead of starting a second one.
  const byName = await run('code', '1', '--quote', 'information crime', '--tag', 'itu role', '--tag', 'Information security/Information crime convention');
  assert.equal(byName.status, 0, byName.stderr);
  assert.doesNotMatch(byName.stderr, /"ITU role"/);

  // A second "ITU role" elsewhere makes the plain name ambiguous.
  assert.equal((await run('code', '1', '--quote', 'The Parties', '--tag', 'Information security/ITU role')).status, 0);
  const ambiguous = await run('code', '1', '--quote', 'They call', '--tag', 'ITU role');
  assert.equal(ambiguous.status, 2);
  assert.match(ambiguous.stderr, /several tags are called "ITU role": "Internet governance\/ITU role", "Information security\/ITU role"/);

  assert.equal((await run('tags')).stdout, [
    'Internet governance',
    '  ITU role',
    'Information security',
    '  Information crime convention',
    '  ITU role',
    '',
  ].join('\n'));
});
