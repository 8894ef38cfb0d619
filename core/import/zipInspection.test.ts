import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync } from 'fflate';
import { ExcerptError } from '../../common/errors.ts';
import { writeZip } from '../testing/writeZip.ts';
import { MAX_ZIP_ENTRIES } from './limits.ts';
import { checkedCopy, inspectZip, looksLikeZip, unpackEntry } from './zipInspection.ts';
import { printable } from './zipLimits.ts';

const refused = (work: () => unknown, reason: RegExp) =>
  assert.throws(work, (e: unknown) => e instanceof ExcerptError && e.code === 'unsupported' && reason.test(e.message), String(reason));
const zeros = (bytes: number) => new Uint8Array(bytes);

test('an archive written by a zip library is listed and each entry unpacks to its bytes', () => {
  const text = 'Заявление '.repeat(500);
  const bytes = zipSync({ 'word/document.xml': new TextEncoder().encode(text), 'media/logo.png': [zeros(300), { level: 0 }] });
  assert.ok(looksLikeZip(bytes));
  const entries = inspectZip(bytes);
  assert.deepEqual(entries.map((entry) => [entry.name, entry.method, entry.unpackedSize]), [
    ['word/document.xml', 8, Buffer.byteLength(text)],
    ['media/logo.png', 0, 300],
  ]);
  assert.equal(new TextDecoder().decode(unpackEntry(bytes, entries[0]!)), text);
  assert.deepEqual(inspectZip(checkedCopy(bytes, entries)).map((entry) => [entry.name, entry.method, entry.unpackedSize]), [
    ['word/document.xml', 0, Buffer.byteLength(text)],
    ['media/logo.png', 0, 300],
  ]);
});

test('a ZIP bomb is refused from its directory, before anything is inflated', () => {
  // 5 MB of zeros packs into about 5 KB: a ratio near 1,000 to 1.
  refused(() => inspectZip(writeZip([{ name: 'word/document.xml', data: '<w:document/>' }, { name: 'bomb.bin', data: zeros(5_000_000) }])),
    /"bomb\.bin" is packed [\d,]+ to 1, more than the 100 to 1 Excerpt accepts/);
  // 210 entries stating 1 MB each stay under the ratio check's threshold but not under the total.
  const many = Array.from({ length: 210 }, (_, i) => ({ name: `part${i}.bin`, data: zeros(1000), statedSize: 1_000_000 }));
  refused(() => inspectZip(writeZip(many)), /would unpack to more than the 200 MB Excerpt unpacks from one file; it may be a ZIP bomb/);
  const crowded = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `e${i}`, data: '', store: true }));
  refused(() => inspectZip(writeZip(crowded)), /a zip archive of 10,001 parts, more than the 10,000 Excerpt opens/);
  refused(() => inspectZip(writeZip([{ name: 'a.xml', data: zeros(5000) }, { name: 'b.xml', data: '', shareDataWith: 'a.xml' }])),
    /parts overlap one another/);
});

test('an entry that unpacks to more than its directory states is stopped while inflating', () => {
  const bytes = writeZip([{ name: 'word/document.xml', data: zeros(3_000_000), statedSize: 1000 }]);
  const entries = inspectZip(bytes); // the lie passes the directory checks...
  refused(() => checkedCopy(bytes, entries), /"word\/document\.xml" unpacks to more than the 1000 bytes the archive states/);
  refused(() => unpackEntry(bytes, entries[0]!), /disguised ZIP bomb/);
});

test('cut-off, foreign, encrypted and damaged archives are named as such', () => {
  const good = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document>text</w:document>') });
  refused(() => inspectZip(good.subarray(0, Math.floor(good.length * 0.6))), /cut off \(truncated\) or damaged/);
  refused(() => inspectZip(new TextEncoder().encode('just some text named .docx')), /not a zip archive/);
  refused(() => inspectZip(writeZip([{ name: 'word/document.xml', data: 'x', encrypted: true }])), /encrypted with a password/);
  const corrupt = Uint8Array.from(good);
  const packedAt = inspectZip(good)[0]!.dataOffset;
  corrupt.fill(0xff, packedAt, packedAt + 8);
  refused(() => checkedCopy(corrupt, inspectZip(corrupt)), /damaged/);
});

test('entry names are never paths: "../" and odd names are only keys and message text', () => {
  const bytes = writeZip([{ name: '../../../etc/passwd', data: 'root' }, { name: '/abs\u202Egnp.exe', data: 'x' }]);
  const entries = inspectZip(bytes);
  assert.deepEqual(entries.map((entry) => entry.name), ['../../../etc/passwd', '/abs\u202Egnp.exe']);
  assert.equal(new TextDecoder().decode(unpackEntry(bytes, entries[0]!)), 'root');
  // The module reads into memory only (it imports no file system API), so nothing was written.
  assert.equal(printable(entries[1]!.name), '/abs?gnp.exe');
  assert.equal(printable('x'.repeat(100)).length, 80);
});
