/// A large import travels as several importFiles calls, so no single call holds every
/// file in memory and the window stays responsive between them. The renderer (files the
/// analyst chose or dropped) and the Electron main process (files from a native dialog)
/// cut their batches the same way and add up the answers the same way.
import type { ImportResult } from './types.ts';

/// The most one importFiles call carries.
export const IMPORT_BATCH_LIMITS = {
  files: 25,
  /// Bytes of the files themselves, before base64 (which adds a third).
  bytes: 20 * 1024 * 1024,
};

/// `items` in order, cut into batches of at most `limits.files` items and `limits.bytes`
/// bytes; a single item larger than `limits.bytes` travels alone.
export function planImportBatches<T>(items: readonly T[], sizeOf: (item: T) => number, limits = IMPORT_BATCH_LIMITS): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (batch.length > 0 && (batch.length >= limits.files || bytes + size > limits.bytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/// An import that has not reported anything yet.
export function emptyImportResult(): ImportResult {
  return { imported: [], duplicates: [], revised: [], failed: [] };
}

/// Adds one call's answer to the running total (in place), keeping the files' order.
export function addImportResult(total: ImportResult, part: ImportResult): ImportResult {
  total.imported.push(...part.imported);
  total.duplicates.push(...part.duplicates);
  total.revised.push(...part.revised);
  total.failed.push(...part.failed);
  return total;
}

/// How far an import has come, across all its calls.
export interface ImportProgress {
  done: number;
  total: number;
  /// The file being read or stored.
  current: string;
}

/// One import of many files, as the caller supplies it.
export interface BatchedImport<T> {
  items: readonly T[];
  nameOf(item: T): string;
  sizeOf(item: T): number;
  /// The item's bytes in base64. Throws an Error whose message finishes the sentence
  /// "<name> was not imported: ..." when the item cannot be read (or must not be).
  read(item: T): Promise<string>;
  importFiles(args: { files: { name: string; bytes: string }[] }): Promise<ImportResult>;
  /// Listens to the service's importProgress events (which count within one call).
  onServiceProgress(listener: (progress: ImportProgress) => void): () => void;
  onProgress(progress: ImportProgress): void;
  /// Asked before each batch: true sends no further batches (the one under way finishes).
  cancelled(): boolean;
  limits?: typeof IMPORT_BATCH_LIMITS;
}

/// What an import did, with how many files it left out because it was cancelled.
export interface BatchedImportResult {
  result: ImportResult;
  cancelled: number;
}

/// Reads and imports `items` batch by batch: each batch is read just before it is sent,
/// so memory holds one batch at a time. A file that cannot be read is reported as failed
/// and the rest go on.
export async function importInBatches<T>(job: BatchedImport<T>): Promise<BatchedImportResult> {
  const total = job.items.length;
  const result = emptyImportResult();
  let done = 0;
  for (const batch of planImportBatches(job.items, (item) => job.sizeOf(item), job.limits)) {
    if (job.cancelled()) break;
    const files: { name: string; bytes: string }[] = [];
    let unread = 0;
    for (const item of batch) {
      const name = job.nameOf(item);
      job.onProgress({ done, total, current: name });
      try {
        files.push({ name, bytes: await job.read(item) });
      } catch (error) {
        result.failed.push({ name, reason: error instanceof Error ? error.message : String(error) });
        unread++;
      }
    }
    // Reading a large batch takes a while: a Cancel pressed meanwhile still counts.
    if (job.cancelled()) {
      result.failed.splice(result.failed.length - unread, unread);
      break;
    }
    if (files.length > 0) {
      const base = done + unread;
      // The service counts within this call; only its own events, before its last, move the total.
      const stop = job.onServiceProgress((progress) => {
        if (progress.total === files.length && progress.done < progress.total) {
          job.onProgress({ done: base + progress.done, total, current: progress.current });
        }
      });
      try {
        addImportResult(result, await job.importFiles({ files }));
      } catch (error) {
        // The call as a whole was refused (the library unreachable, say): its files failed, the rest go on.
        const reason = error instanceof Error ? error.message : String(error);
        result.failed.push(...files.map(({ name }) => ({ name, reason })));
      } finally {
        stop();
      }
    }
    done += batch.length;
    job.onProgress({ done, total, current: job.nameOf(batch[batch.length - 1]!) });
  }
  return { result, cancelled: total - done };
}
