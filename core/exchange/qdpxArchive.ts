/// The parts of a `.qdpx` file, a zip archive, read by the zip reader Word files go through
/// (zipInspection.ts): listed from its central directory first, with the limits of zipLimits.ts
/// checked there, so that a ZIP bomb is refused before anything is inflated; then only the
/// parts a reader asks for unpacked, each stopped the moment it outgrows its stated size. Part
/// names are keys to look parts up by and text for messages, never paths on disk.
import { ExcerptError } from '../../common/errors.ts';
import { inspectZip, looksLikeZip, unpackEntry, type ZipEntry } from '../import/zipInspection.ts';

/// One part of the archive, as its central directory describes it.
export type ArchiveEntry = ZipEntry;

const EXPORT_AGAIN = 'Export the project again from the program that made it';

/// Every part of the archive `bytes`, in the order of its directory; nothing is unpacked.
export function listEntries(bytes: Uint8Array): ArchiveEntry[] {
  if (!looksLikeZip(bytes)) {
    throw new ExcerptError('invalid-argument', `This .qdpx file is not a zip archive, or it is damaged, so it holds no REFI-QDA project. ${EXPORT_AGAIN}, and choose the .qdpx file it wrote.`);
  }
  return asProjectRefusal(() => inspectZip(bytes));
}

/// The first part whose path is `path`, ignoring case and the kind of slash.
export function findEntry(entries: readonly ArchiveEntry[], path: string): ArchiveEntry | undefined {
  const wanted = comparablePath(path);
  return entries.find((entry) => comparablePath(entry.name) === wanted);
}

/// The unpacked bytes of `wanted` (parts listEntries found), by part name. A part named more than
/// once (sources sharing a text) is unpacked once: the size limits count each part once.
export function unpackEntries(bytes: Uint8Array, wanted: readonly ArchiveEntry[]): Map<string, Uint8Array> {
  return asProjectRefusal(() => {
    const files = new Map<string, Uint8Array>();
    for (const entry of wanted) if (!files.has(entry.name)) files.set(entry.name, unpackEntry(bytes, entry));
    return files;
  });
}

/// The zip reader's refusals ("it is damaged…", "its parts would unpack to…", each with what to
/// do) said of the project file.
function asProjectRefusal<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ExcerptError)) throw error;
    throw new ExcerptError('invalid-argument', `This .qdpx file was not opened: ${error.message}`);
  }
}

function comparablePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.?\/)+/, '').toLowerCase();
}
