/// Reads a zip-based file (a Word document, a REFI-QDA project): the central directory at the
/// end of the archive lists every entry with its packed and unpacked size, and the limits of
/// zipLimits.ts are checked against that list before anything is unpacked, so a ZIP bomb is
/// refused without being inflated; each entry is then inflated with a cap at its stated size.
///
/// Entries are only ever read into memory. This module does not import `node:fs`, and an
/// entry's name (which may be "../../somewhere" or "/etc/passwd") is never turned into a
/// file path: it is a key to look an entry up by, and text for messages.
import { Zip, ZipPassThrough } from 'fflate';
import { unreadable } from './importedDocument.ts';
import { checkEntryCount, checkStatedSizes, damagedZip, inflateWithin, printable } from './zipLimits.ts';

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
  checkEntryCount(count);

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let offset = directoryOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.byteLength || data.getUint32(offset, true) !== DIRECTORY_ENTRY) throw damagedZip();
    const { entry, next } = readDirectoryEntry(bytes, data, offset);
    offset = next;
    total = checkStatedSizes(entry, total);
    // Two parts of one name: which one a reader takes is up to the reader, so none is taken.
    if (names.has(entry.name)) throw unreadable(`it holds two parts named "${printable(entry.name)}", which no program writes; it is damaged or made to mislead, so it was not read. Save it again from the program that made it and import that copy.`);
    names.add(entry.name);
    entries.push(entry);
  }
  checkNoOverlap(entries, directoryOffset);
  return entries;
}

/// One entry's unpacked bytes; an entry that outgrows its stated size is refused.
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const packed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.packedSize);
  return entry.method === 0 ? packed : inflateWithin(packed, entry);
}

/// The archive written anew from its entries as this module reads them, each unpacked within
/// its limits and stored as is. Handed to another zip reader (mammoth's), it shows exactly
/// what was checked here, whatever a crafted directory would show a reader that reads it
/// differently (a second, zip64 directory listing a bomb, say).
export function checkedCopy(bytes: Uint8Array, entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  // fflate's streaming writer takes each name as a string, never as an object key. It fails
  // only on a name longer than a zip holds, which a name read from one is not unless garbled.
  const archive = new Zip((error, chunk) => {
    if (error) throw damagedZip();
    chunks.push(chunk);
  });
  for (const entry of entries) {
    const part = new ZipPassThrough(entry.name);
    archive.add(part);
    part.push(unpackEntry(bytes, entry), true);
  }
  archive.end();
  return Buffer.concat(chunks);
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
  if (next > data.byteLength) throw damagedZip();
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
  if (method === 0 && packedSize !== unpackedSize) throw damagedZip();
  if (localOffset + 30 > data.byteLength || data.getUint32(localOffset, true) !== LOCAL_HEADER) throw damagedZip();
  const dataOffset = localOffset + 30 + data.getUint16(localOffset + 26, true) + data.getUint16(localOffset + 28, true);
  if (dataOffset + packedSize > data.byteLength) throw damagedZip();
  return { entry: { name, method, packedSize, unpackedSize, dataOffset }, next };
}

/// Entries sharing packed bytes are how the most compact ZIP bombs multiply themselves.
function checkNoOverlap(entries: readonly ZipEntry[], directoryOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.dataOffset - b.dataOffset);
  for (const [i, entry] of sorted.entries()) {
    const limit = sorted[i + 1]?.dataOffset ?? directoryOffset;
    if (entry.dataOffset + entry.packedSize > limit) {
      throw unreadable('its parts overlap one another, a trick of ZIP bombs; it was not unpacked. Save it again from the program that made it and import that copy.');
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
  if (locator < 0 || data.getUint32(locator, true) !== ZIP64_LOCATOR) throw damagedZip();
  const record = Number(data.getBigUint64(locator + 8, true));
  if (record + 56 > data.byteLength || data.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) throw damagedZip();
  return [Number(data.getBigUint64(record + 32, true)), Number(data.getBigUint64(record + 48, true))];
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
