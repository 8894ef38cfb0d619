import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDocumentFile } from '../core/import/index.ts';
import { generatePressReleases } from './pressReleases.ts';

test('generated press releases are deterministic, unique, about 3 KB, and import with a title and a date', async () => {
  const releases = generatePressReleases(200, 7);
  assert.deepEqual(generatePressReleases(200, 7), releases);
  assert.notDeepEqual(generatePressReleases(200, 8), releases);
  assert.equal(new Set(releases.map((r) => r.content)).size, releases.length);
  assert.equal(new Set(releases.map((r) => r.content.split('\n')[0])).size > 150, true, 'titles vary');
  for (const release of releases) {
    const size = Buffer.byteLength(release.content);
    assert.ok(size > 2500 && size < 4000, `${release.name} is ${size} bytes`);
    const read = await readDocumentFile(release.name, Buffer.from(release.content));
    assert.equal(read.title, release.content.split('\n')[0]);
    assert.match(read.published ?? '', /^20(1[5-9]|2[0-4])-\d\d-\d\d$/);
  }
});
