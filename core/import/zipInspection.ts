/// Looks inside a zip-based file (DOCX now, REFI-QDA later) before anything is unpacked.
/// The central directory at the end of the archive lists every entry with its packed and
/// unpacked size; the limits in limits.ts are checked against that list, so a ZIP bomb is
/// refused without being inflated. Because the list can lie, `checkUnpackedSizes` then
/// inflates each entry with a cap at its stated size, stopping the moment one outgrows it.
///
/// Entries are only ever read into memory. This module does not import `node:fs`, and an
/// entry's name (which may be "../../somewhere" or "/etc/passwd") is never turned into a
/// file path: it is a key to look an entry up by, and text for messages.
import { inflateRawSync } from 'node:zlib';
import { unreadable } from './importedDocument.ts';
import {
  describeBytes, describeCount, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO, MAX_ZIP_UNPACKED_BYTES, ZIP_RATIO_EXEMPT_BYTES,
} from './limits.ts';

/// One entry of an archive, as its central directory describes it.
export interface ZipEntry {
  name: string;
  /// 0 stored, 8 deflated: the only two methods Word and the zip libraries we use write.
  method: number;
  packedSize: number;
  unpackedSize: number;
  /// Where the entry's packed bytes start in the file.
  dataOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/// Whether the bytes start like a zip archive ("PK\x03\x04").
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && view(bytes).getUint32(0, true) === LOCAL_HEADER;
}

/// The entries of a zip archive, read from its central directory; throws an ExcerptError when
/// the archive is damaged, cut off, encrypted, or breaks a limit. Nothing is unpacked.
export function inspectZip(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  const end = findEndOfDirectory(data);
  if (end < 0) {
    throw unreadable(looksLikeZip(bytes)
      ? 'it is cut off (truncated) or damaged: the list of its parts at the end of the file is missing. Download or save it again and import the new copy.'
      : 'it is not a zip archive, so it is not the kind of file its name says (it may be damaged, or another format renamed).');
  }
  let count = data.getUint16(end + 10, true);
  let directoryOffset = data.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) [count, directoryOffset] = readZip64End(data, end);
  if (count > MAX_ZIP_ENTRIES) {
    throw unreadable(`it is a zip archive of ${describeCount(count)} parts, more than the ${describeCount(MAX_ZIP_ENTRIES)} Excerpt opens; it may be a ZIP bomb, so it was not unpacked.`);
  }

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.byteLength || data.getUint32(offset, true) !== DIRECTORY_ENTRY) throw damaged();
    const { entry, next } = readDirectoryEntry(bytes, data, offset);
    offset = next;
    total += entry.unpackedSize;
    if (total > MAX_ZIP_UNPACKED_BYTES) {
      throw unreadable(`its parts would unpack to more than the ${describeBytes(MAX_ZIP_UNPACKED_BYTES)} Excerpt unpacks from one file; it may be a ZIP bomb, so it was not unpacked.`);
    }
    if (entry.unpackedSize > ZIP_RATIO_EXEMPT_BYTES && entry.unpackedSize > entry.packedSize * MAX_ZIP_RATIO) {
      const ratio = Math.round(entry.unpackedSize / Math.max(entry.packedSize, 1));
      throw unreadable(`its part "${printable(entry.name)}" is packed ${describeCount(ratio)} to 1, more than the ${MAX_ZIP_RATIO} to 1 Excerpt accepts; files packed this tightly are ZIP bombs, so it was not unpacked.`);
    }
    entries.push(entry);
  }
  checkNoOverlap(entries, directoryOffset);
  return entries;
}

/// Inflates every entry and refuses the archive as soon as one unpacks to more than its
/// directory said, so a lying directory cannot smuggle a bomb past inspectZip.
export function checkUnpackedSizes(bytes: Uint8Array, entries: readonly ZipEntry[]): void {
  for (const entry of entries) unpackEntry(bytes, entry);
}

/// One entry's unpacked bytes; an entry that outgrows its stated size is refused.
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const packed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.packedSize);
  if (entry.method === 0) return packed;
  let unpacked: Uint8Array;
  try {
    // zlib stops, mid-stream, the moment the output would pass maxOutputLength.
    unpacked = inflateRawSync(packed, { maxOutputLength: Math.max(entry.unpackedSize, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw unreadable(`its part "${printable(entry.name)}" unpacks to more than the ${describeBytes(entry.unpackedSize)} the archive states; it is damaged or a disguised ZIP bomb, so it was not read.`);
    }
    throw damaged();
  }
  if (unpacked.length !== entry.unpackedSize) throw damaged();
  return unpacked;
}

function readDirectoryEntry(bytes: Uint8Array, data: DataView, at: number): { entry: ZipEntry; next: number } {
  const flags = data.getUint16(at + 8, true);
  const method = data.getUint16(at + 10, true);
  let packedSize = data.getUint32(at + 20, true);
  let unpackedSize = data.getUint32(at + 24, true);
  const nameLength = data.getUint16(at + 28, true);
  const extraLength = data.getUint16(at + 30, true);
  const commentLength = data.getUint16(at + 32, true);
  let localOffset = data.getUint32(at + 42, true);
  const next = at + 46 + nameLength + extraLength + commentLength;
  if (next > data.byteLength) throw damaged();
  const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
  // Sizes or offset too large for 32 bits are in the zip64 extra field, in this order.
  let extra = at + 46 + nameLength;
  while (extra + 4 <= at + 46 + nameLength + extraLength) {
    const id = data.getUint16(extra, true);
    const size = data.getUint16(extra + 2, true);
    if (id === 0x0001) {
      let field = extra + 4;
      const read64 = () => (field + 8 <= extra + 4 + size ? Number(data.getBigUint64((field += 8) - 8, true)) : 0xffffffff);
      if (unpackedSize === 0xffffffff) unpackedSize = read64();
      if (packedSize === 0xffffffff) packedSize = read64();
      if (localOffset === 0xffffffff) localOffset = read64();
    }
    extra += 4 + size;
  }
  if (flags & 0x0001) throw unreadable('its parts are encrypted with a password. Open it, remove the password, save it and import that copy.');
  if (method !== 0 && method !== 8) throw unreadable(`its part "${printable(name)}" is packed with a method Excerpt cannot unpack (zip method ${method}). Save it again from its program and import that copy.`);
  if (method === 0 && packedSize !== unpackedSize) throw damaged();
  if (localOffset + 30 > data.byteLength || data.getUint32(localOffset, true) !== LOCAL_HEADER) throw damaged();
  const dataOffset = localOffset + 30 + data.getUint16(localOffset + 26, true) + data.getUint16(localOffset + 28, true);
  if (dataOffset + packedSize > data.byteLength) throw damaged();
  return { entry: { name, method, packedSize, unpackedSize, dataOffset }, next };
}

/// Entries sharing packed bytes are how the most compact ZIP bombs multiply themselves.
function checkNoOverlap(entries: readonly ZipEntry[], directoryOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.dataOffset - b.dataOffset);
  for (const [i, entry] of sorted.entries()) {
    const limit = sorted[i + 1]?.dataOffset ?? directoryOffset;
    if (entry.dataOffset + entry.packedSize > limit) {
      throw unreadable('its parts overlap one another, a trick of ZIP bombs; it was not unpacked.');
    }
  }
}

function findEndOfDirectory(data: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const lowest = Math.max(0, data.byteLength - 22 - 0xffff);
  for (let at = data.byteLength - 22; at >= lowest; at--) {
    if (data.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

function readZip64End(data: DataView, end: number): [count: number, directoryOffset: number] {
  const locator = end - 20;
  if (locator < 0 || data.getUint32(locator, true) !== ZIP64_LOCATOR) throw damaged();
  const record = Number(data.getBigUint64(locator + 8, true));
  if (record + 56 > data.byteLength || data.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) throw damaged();
  return [Number(data.getBigUint64(record + 32, true)), Number(data.getBigUint64(record + 48, true))];
}

function damaged() {
  return unreadable('it is damaged: its zip archive does not hold together. Download or save it again and import the new copy.');
}

/// An entry name as it may appear in a message: no control or direction-changing characters
/// (a right-to-left override could disguise the rest of the line), and not too long.
export function printable(name: string): string {
  const clean = name.replace(/[\p{Cc}\p{Cf}]/gu, '?');
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
