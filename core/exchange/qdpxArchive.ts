/// The parts of a `.qdpx` file, a zip archive: listed from its central directory first, then
/// only the parts a reader asks for unpacked, each into a buffer of the size the directory
/// states (fflate never grows it), after the limits of limits.ts, so that a ZIP bomb is refused
/// before anything is inflated. Part names are keys to look parts up by and text for messages,
/// never paths on disk.
import { unzipSync } from 'fflate';
import { ExcerptError } from '../../common/errors.ts';
import {
  describeBytes, describeCount, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO, MAX_ZIP_UNPACKED_BYTES, ZIP_RATIO_EXEMPT_BYTES,
} from '../import/limits.ts';
import { printable } from '../import/zipInspection.ts';

/// One part of the archive, as its central directory describes it.
export interface ArchiveEntry {
  name: string;
  packedSize: number;
  unpackedSize: number;
}

const EXPORT_AGAIN = 'Export the project again from the program that made it';

/// Every part of the archive `bytes`, in the order of its directory; nothing is unpacked.
export function listEntries(bytes: Uint8Array): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: ({ name, size, originalSize }) => {
        entries.push({ name, packedSize: size, unpackedSize: originalSize });
        if (entries.length > MAX_ZIP_ENTRIES) throw tooManyParts();
        return false;
      },
    });
  } catch (error) {
    if (error instanceof ExcerptError) throw error;
    throw new ExcerptError('invalid-argument', `This .qdpx file is not a zip archive, or it is damaged, so it holds no REFI-QDA project. ${EXPORT_AGAIN}, and choose the .qdpx file it wrote.`);
  }
  return entries;
}

/// The first part whose path is `path`, ignoring case and the kind of slash.
export function findEntry(entries: readonly ArchiveEntry[], path: string): ArchiveEntry | undefined {
  const wanted = comparablePath(path);
  return entries.find((entry) => comparablePath(entry.name) === wanted);
}

/// The unpacked bytes of `wanted` (parts listEntries found), by part name. `unpackedBefore`
/// counts the bytes earlier calls unpacked from the same file, so the limit holds for the whole.
export function unpackEntries(bytes: Uint8Array, wanted: readonly ArchiveEntry[], unpackedBefore = 0): Map<string, Uint8Array> {
  let total = unpackedBefore;
  for (const entry of new Set(wanted)) {
    total += entry.unpackedSize;
    if (total > MAX_ZIP_UNPACKED_BYTES) {
      throw new ExcerptError('invalid-argument', `The parts of this .qdpx file would unpack to more than the ${describeBytes(MAX_ZIP_UNPACKED_BYTES)} Excerpt unpacks from one file; it may be a ZIP bomb, so it was not unpacked. Split the project into smaller ones and export each.`);
    }
    if (entry.unpackedSize > ZIP_RATIO_EXEMPT_BYTES && entry.unpackedSize > entry.packedSize * MAX_ZIP_RATIO) {
      const ratio = Math.round(entry.unpackedSize / Math.max(entry.packedSize, 1));
      throw new ExcerptError('invalid-argument', `The part "${printable(entry.name)}" of this .qdpx file is packed ${describeCount(ratio)} to 1, more than the ${MAX_ZIP_RATIO} to 1 Excerpt accepts; files packed this tightly are ZIP bombs, so it was not unpacked. ${EXPORT_AGAIN}.`);
    }
  }
  // Only the first part of each name, the one listEntries described and findEntry found.
  const pending = new Set(wanted.map((entry) => entry.name));
  let current = '';
  try {
    const files = unzipSync(bytes, {
      filter: ({ name }) => {
        current = name;
        return pending.delete(name);
      },
    });
    return new Map(Object.entries(files));
  } catch {
    throw new ExcerptError('invalid-argument', `This .qdpx file is damaged: its part "${printable(current)}" cannot be unpacked. ${EXPORT_AGAIN}.`);
  }
}

function tooManyParts(): ExcerptError {
  return new ExcerptError('invalid-argument', `This .qdpx file holds more than the ${describeCount(MAX_ZIP_ENTRIES)} parts Excerpt opens; it may be a ZIP bomb, so it was not unpacked. Split the project into smaller ones and export each.`);
}

function comparablePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.?\/)+/, '').toLowerCase();
}
