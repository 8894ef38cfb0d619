/// ZIP bombs and zip-slip names against both zip-based formats, Word (.docx, read by mammoth
/// after zipInspection) and REFI-QDA (.qdpx): a gigabyte of zeros packed into a megabyte, a
/// directory that understates it, a second directory hidden for another zip reader, parts
/// sharing a name, and names that climb out of any folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { ExcerptError } from '../../common/errors.ts';
import { readQdpx } from '../exchange/readQdpx.ts';
import { snapshotToQdpx } from '../export/refiQda.ts';
import { sampleSnapshot } from '../testing/exportSample.ts';
import { tempLibrary } from '../testing/tempLibrary.ts';
import { writeDocx } from '../testing/writeDocx.ts';
import { writeZip, type ZipPart } from '../testing/writeZip.ts';
import { readDocumentFile } from './index.ts';

const MB = 1024 * 1024;
const GB = 1024 * MB;

/// `megabytes` MB of spaces as one raw deflate stream, made in milliseconds: one megabyte packed
/// with a full flush (byte-aligned, no back-references across it) repeats as often as wanted.
function packedSpaces(megabytes: number): Uint8Array {
  const oneMegabyte = deflateRawSync(Buffer.alloc(MB, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  // An empty final block ends the stream.
  return Buffer.concat([...Array<Buffer>(megabytes).fill(oneMegabyte), Buffer.from([0x03, 0x00])]);
}

const aWordFile = () => writeDocx({ heading: 'Benign statement', date: '1 June 2022', paragraphs: ['The Parties met.'] });
const exportedProject = () => unzipSync(snapshotToQdpx(sampleSnapshot(), '2026-03-02T09:30:00.000Z'));

/// The parts of an unpacked archive as writeZip takes them, with `extra` after.
function partsOf(files: Record<string, Uint8Array>, ...extra: ZipPart[]): ZipPart[] {
  return [...Object.entries(files).map(([name, data]) => ({ name, data })), ...extra];
}

async function assertDocumentRefused(bytes: Uint8Array, reason: RegExp): Promise<void> {
  await assert.rejects(readDocumentFile('statement.docx', bytes), (error: unknown) => {
    assert.ok(error instanceof ExcerptError, String(error));
    assert.equal(error.code, 'unsupported');
    assert.match(error.message, reason);
    return true;
  });
}

function assertProjectRefused(bytes: Uint8Array, reason: RegExp): void {
  assert.throws(() => readQdpx(bytes), (error: unknown) => {
    assert.ok(error instanceof ExcerptError, String(error));
    assert.equal(error.code, 'invalid-argument');
    assert.match(error.message, /^This \.qdpx file was not opened: /);
    assert.match(error.message, reason);
    return true;
  });
}

async function timed<T>(work: () => T | Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

test('a gigabyte packed into a megabyte is refused from the directory, before anything is inflated', async () => {
  const docx = unzipSync(await aWordFile());
  const project = exportedProject();
  const gigabyte = { name: 'word/media/bomb.bin', data: '', packed: packedSpaces(1024), statedSize: GB };
  const tooMuch = /its parts would unpack to more than the 200 MB Excerpt unpacks from one file; it may be a ZIP bomb, so it was not unpacked\. If it comes from someone you trust, save it again/;
  const bomb = writeZip(partsOf(docx, gigabyte));
  assert.ok(bomb.length < 2 * MB);
  assert.ok(await timed(() => assertDocumentRefused(bomb, tooMuch)) < 500);
  assert.ok(await timed(() => assertProjectRefused(writeZip(partsOf(project, { ...gigabyte, name: 'sources/bomb.txt' })), tooMuch)) < 500);
  // 150 MB stays under the total, not under the ratio.
  const tight = { ...gigabyte, packed: packedSpaces(150), statedSize: 150 * MB };
  await assertDocumentRefused(writeZip(partsOf(docx, tight)),
    /its part "word\/media\/bomb\.bin" is packed [\d,]+ to 1, more than the 100 to 1 Excerpt accepts; files packed this tightly are ZIP bombs/);
  assertProjectRefused(writeZip(partsOf(project, { ...tight, name: 'sources/bomb.txt' })), /"sources\/bomb\.txt" is packed [\d,]+ to 1/);
});

test('a bomb whose directory understates it is stopped while inflating, at the size it states', async () => {
  // 40 MB stated for 1 GB packed into 1 MB: a ratio of 40 and a total of 40 MB pass the directory checks.
  const liar = { data: '', packed: packedSpaces(1024), statedSize: 40 * MB };
  const docx = writeZip(partsOf(unzipSync(await aWordFile()), { ...liar, name: 'word/media/image1.png' }));
  const stopped = /its part "(word\/media\/image1\.png|project\.qde)" unpacks to more than the 40 MB the archive states; it is damaged or a disguised ZIP bomb/;
  assert.ok(await timed(() => assertDocumentRefused(docx, stopped)) < 2000);
  const { 'project.qde': _, ...sources } = exportedProject();
  const qdpx = writeZip(partsOf(sources, { ...liar, name: 'project.qde' }));
  assert.ok(await timed(() => assertProjectRefused(qdpx, stopped)) < 2000);
});

/// `docx` with a second directory behind its own, reached through a zip64 end record, that lists
/// `bomb` as word/document.xml. The classic end record (which zipInspection reads) points at the
/// Word file's directory; its directory size reads 0xFFFFFFFF, which sends JSZip, mammoth's zip
/// reader, to the zip64 record and so to the bomb.
function withHiddenDirectory(docx: Uint8Array, bomb: Uint8Array): Uint8Array {
  const file = Buffer.from(docx);
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = file.readUInt16LE(end + 10);
  const directoryAt = file.readUInt32LE(end + 16);
  const directory = file.subarray(directoryAt, end);
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(bomb.length, 18);
  local.writeUInt32LE(0xfffffffe, 22);
  local.writeUInt16LE(name.length, 26);
  const bombAt = directoryAt;
  const bombPart = Buffer.concat([local, name, bomb]);
  const ownDirectoryAt = bombAt + bombPart.length;
  // The hidden directory: the Word file's own, with word/document.xml pointing at the bomb.
  const hidden = Buffer.from(directory);
  for (let at = 0; at < hidden.length;) {
    const length = 46 + hidden.readUInt16LE(at + 28) + hidden.readUInt16LE(at + 30) + hidden.readUInt16LE(at + 32);
    if (hidden.subarray(at + 46, at + 46 + hidden.readUInt16LE(at + 28)).equals(name)) {
      hidden.writeUInt32LE(bomb.length, at + 20);
      hidden.writeUInt32LE(0xfffffffe, at + 24);
      hidden.writeUInt32LE(bombAt, at + 42);
    }
    at += length;
  }
  const hiddenAt = ownDirectoryAt + directory.length;
  const zip64EndAt = hiddenAt + hidden.length;
  const zip64End = Buffer.alloc(56);
  zip64End.writeUInt32LE(0x06064b50, 0);
  zip64End.writeBigUInt64LE(44n, 4);
  zip64End.writeUInt16LE(45, 12);
  zip64End.writeUInt16LE(45, 14);
  zip64End.writeBigUInt64LE(BigInt(count), 24);
  zip64End.writeBigUInt64LE(BigInt(count), 32);
  zip64End.writeBigUInt64LE(BigInt(hidden.length), 40);
  zip64End.writeBigUInt64LE(BigInt(hiddenAt), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(zip64EndAt), 8);
  locator.writeUInt32LE(1, 16);
  const classicEnd = Buffer.alloc(22);
  classicEnd.writeUInt32LE(0x06054b50, 0);
  classicEnd.writeUInt16LE(count, 8);
  classicEnd.writeUInt16LE(count, 10);
  classicEnd.writeUInt32LE(0xffffffff, 12);
  classicEnd.writeUInt32LE(ownDirectoryAt, 16);
  return Buffer.concat([file.subarray(0, directoryAt), bombPart, directory, hidden, zip64End, locator, classicEnd]);
}

test('mammoth reads the Word file as inspected, never a second directory hidden for another zip reader', async () => {
  const file = withHiddenDirectory(await aWordFile(), packedSpaces(1024));
  let title = '';
  const took = await timed(async () => ({ title } = await readDocumentFile('hidden.docx', file)));
  // Read from the original, JSZip would inflate the gigabyte (8 s, 1.2 GB of memory here) and then fail.
  assert.equal(title, 'Benign statement');
  assert.ok(took < 3000, `${Math.round(took)} ms`);
});

test('an archive with two parts of one name is refused: which one a reader takes is up to the reader', async () => {
  const docx = unzipSync(await aWordFile());
  await assertDocumentRefused(writeZip(partsOf(docx, { name: 'word/document.xml', data: '<w:document/>' })),
    /holds two parts named "word\/document\.xml", which no program writes/);
  const project = exportedProject();
  assertProjectRefused(writeZip(partsOf(project, { name: 'project.qde', data: '<Project name="Other"/>' })), /two parts named "project\.qde"/);
});

test('entry names are never paths: a name that climbs out of its folder is only a key, and nothing is written', async (t) => {
  const escapes = ['../../../excerpt-zip-slip.txt', '..\\..\\excerpt-zip-slip.txt', `${tmpdir()}/excerpt-zip-slip.txt`, 'word/../../excerpt-zip-slip.txt'];
  const landing = escapes.flatMap((name) => [resolve(name), resolve(tmpdir(), name), resolve(tmpdir(), 'x', 'y', name)]);
  const docx = writeZip(partsOf(unzipSync(await aWordFile()), ...escapes.map((name) => ({ name, data: 'escaped' }))));
  assert.equal((await readDocumentFile('slip.docx', docx)).title, 'Benign statement');

  // A project whose source text sits at "sources/../../x.txt" and is named so by its plainTextPath:
  // the text is found by that name, as a key, and read into memory only.
  const project = exportedProject();
  const qde = strFromU8(project['project.qde']!);
  const first = /plainTextPath="internal:\/\/([^"]+)"/.exec(qde)![1]!;
  const slipped = qde.replace(`internal://${first}`, 'internal://../../excerpt-zip-slip.txt')
    // Another source names the project file itself through "..": that is no part of sources/, so its text is missing.
    .replace(/plainTextPath="internal:\/\/(?!\.\.)[^"]+"/, 'plainTextPath="internal://../project.qde"');
  const { [`sources/${first}`]: text, 'project.qde': _, ...rest } = project;
  const qdpx = writeZip(partsOf(rest, { name: 'project.qde', data: slipped }, { name: 'sources/../../excerpt-zip-slip.txt', data: text! }));
  const read = readQdpx(qdpx);
  assert.equal(read.documents.length, sampleSnapshot().documents.length - 1);
  assert.equal(read.documents[0]!.text, strFromU8(text!));
  assert.match(read.problems.join('\n'), /its text file sources\/\.\.\/project\.qde is missing from the \.qdpx file/);

  const library = tempLibrary(t);
  const imported = await library.service.importExchange({ name: 'slip.qdpx', bytes: Buffer.from(qdpx).toString('base64') });
  assert.equal(imported.documentsImported, read.documents.length);
  assert.deepEqual(readdirSync(dirname(library.path)).filter((name) => !name.startsWith('library.sqlite')), []);
  for (const path of [...landing, resolve('../../excerpt-zip-slip.txt'), resolve(dirname(library.path), '../../excerpt-zip-slip.txt')]) {
    assert.equal(existsSync(path), false, path);
  }
});

test('the zip path holds no file system API: an entry cannot be written anywhere', () => {
  for (const module of ['zipLimits.ts', 'zipInspection.ts', 'docx.ts', '../exchange/qdpxArchive.ts', '../exchange/readQdpx.ts']) {
    const source = readFileSync(join(import.meta.dirname, module), 'utf8');
    assert.doesNotMatch(source, /from '(node:)?fs(\/promises)?'|require\(|import\(['"](node:)?fs/, module);
  }
  // mammoth opens files a Word document links to only when asked; docx.ts never asks.
  assert.doesNotMatch(readFileSync(join(import.meta.dirname, 'docx.ts'), 'utf8'), /externalFileAccess/);
});
