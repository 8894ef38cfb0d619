/// How much a zip-based file (a Word document, a REFI-QDA project) may unpack to, so that a
/// ZIP bomb is refused instead of filling memory. Checked twice: against the sizes the central
/// directory states, before anything is inflated; and while each entry inflates, since stated
/// sizes can lie: inflating stops the moment an entry outgrows its stated size. The limits
/// themselves are in limits.ts; zipInspection.ts, the one zip reader of both formats, calls these.
import { inflateRawSync } from 'node:zlib';
import { unreadable } from './importedDocument.ts';
import {
  describeBytes, describeCount, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO, MAX_ZIP_UNPACKED_BYTES, ZIP_RATIO_EXEMPT_BYTES,
} from './limits.ts';

/// What the analyst can do about a file refused as a possible ZIP bomb.
const IF_GENUINE = 'If it comes from someone you trust, save it again from the program that made it (without large pictures or attachments) and import that copy.';

/// An entry's name and sizes, as the central directory states them.
export interface StatedEntry {
  name: string;
  packedSize: number;
  unpackedSize: number;
}

/// Refuses an archive that lists more entries than Excerpt opens.
export function checkEntryCount(count: number): void {
  if (count > MAX_ZIP_ENTRIES) {
    throw unreadable(`it is a zip archive of ${describeCount(count)} parts, more than the ${describeCount(MAX_ZIP_ENTRIES)} Excerpt opens; it may be a ZIP bomb, so it was not unpacked. ${IF_GENUINE}`);
  }
}

/// Refuses `entry` when the archive's entries so far (`unpackedBefore` bytes) and it would unpack
/// to more than Excerpt unpacks from one file, or when it is packed as tightly as a ZIP bomb.
/// Returns the new total.
export function checkStatedSizes(entry: StatedEntry, unpackedBefore: number): number {
  const total = unpackedBefore + entry.unpackedSize;
  if (total > MAX_ZIP_UNPACKED_BYTES) {
    throw unreadable(`its parts would unpack to more than the ${describeBytes(MAX_ZIP_UNPACKED_BYTES)} Excerpt unpacks from one file; it may be a ZIP bomb, so it was not unpacked. ${IF_GENUINE}`);
  }
  if (entry.unpackedSize > ZIP_RATIO_EXEMPT_BYTES && entry.unpackedSize > entry.packedSize * MAX_ZIP_RATIO) {
    const ratio = Math.round(entry.unpackedSize / Math.max(entry.packedSize, 1));
    throw unreadable(`its part "${printable(entry.name)}" is packed ${describeCount(ratio)} to 1, more than the ${MAX_ZIP_RATIO} to 1 Excerpt accepts; files packed this tightly are ZIP bombs, so it was not unpacked. ${IF_GENUINE}`);
  }
  return total;
}

/// The deflated bytes `packed` of `entry`, inflated; refused the moment they outgrow the size
/// the directory states (zlib stops mid-stream), or when they stop short of it.
export function inflateWithin(packed: Uint8Array, entry: StatedEntry): Uint8Array {
  let unpacked: Uint8Array;
  try {
    unpacked = inflateRawSync(packed, { maxOutputLength: Math.max(entry.unpackedSize, 1) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw unreadable(`its part "${printable(entry.name)}" unpacks to more than the ${describeBytes(entry.unpackedSize)} the archive states; it is damaged or a disguised ZIP bomb, so it was not read. ${IF_GENUINE}`);
    }
    throw damagedZip();
  }
  if (unpacked.length !== entry.unpackedSize) throw damagedZip();
  return unpacked;
}

/// The refusal of an archive whose structure does not hold together.
export function damagedZip() {
  return unreadable('it is damaged: its zip archive does not hold together. Download or save it again and import the new copy.');
}

/// An entry name as it may appear in a message: no control or direction-changing characters
/// (a right-to-left override could disguise the rest of the line), and not too long.
export function printable(name: string): string {
  const clean = name.replace(/[\p{Cc}\p{Cf}]/gu, '?');
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}
