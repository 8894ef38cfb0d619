/// Import of files into the library. Each document is read and turned into the app's
/// schema before anything is written, then stored all or nothing (a savepoint), so one bad
/// file never stops or half-writes the rest. A file whose text the library already holds,
/// as a document or an earlier revision of one, is reported as a duplicate; one with the
/// source URL, or the title and date, of a document already there is a new revision of it
/// (revision.ts). Documents are committed in groups: a commit per document costs SQLite and
/// its full-text index several times the insert itself.
import { ExcerptError } from '../../common/errors.ts';
import type { ImportResult } from '../../common/types.ts';
import { holdCheckpoints } from '../db/checkpoints.ts';
import type { NewDocument } from '../store/documents.ts';
import type { Methods, ServiceContext } from './context.ts';
import { readNewDocument, storeNewDocument, type StoredDocument } from './documentIntake.ts';

/// Least time between two importProgress events, so a large import does not flood a host.
const PROGRESS_INTERVAL_MS = 100;
/// Longest stretch of work in one commit; then the import commits and lets the event loop
/// breathe (events go out, other requests run), never holding a transaction across a pause.
const COMMIT_INTERVAL_MS = 50;

interface File {
  name: string;
  bytes: string;
}
type Outcome = (StoredDocument & { name: string }) | { kind: 'failed'; name: string; reason: string };
/// A file read and turned into a row, waiting for its group's transaction.
type Read = { kind: 'read'; name: string; document: NewDocument };

/// importFiles.
export function importMethods(ctx: ServiceContext): Methods<'importFiles'> {
  const { db } = ctx;

  const store = db.transaction((document: NewDocument) => storeNewDocument(ctx, document));

  /// Reads files from `from` on (parsing may be asynchronous: PDF, DOCX) until
  /// COMMIT_INTERVAL_MS has passed; nothing is written yet.
  const readGroup = async (files: readonly File[], from: number, importedAt: string): Promise<(Read | Outcome)[]> => {
    const started = Date.now();
    const group: (Read | Outcome)[] = [];
    for (let i = from; i < files.length && (i === from || Date.now() - started < COMMIT_INTERVAL_MS); i++) {
      const file = files[i]!;
      try {
        group.push({ kind: 'read', name: file.name, document: await readNewDocument(file.name, Buffer.from(file.bytes, 'base64'), importedAt) });
      } catch (error) {
        group.push({ kind: 'failed', name: file.name, reason: reasonOf(error) });
      }
    }
    return group;
  };

  /// Stores a group that was read, in one transaction; each document all or nothing.
  const storeGroup = db.transaction((group: readonly (Read | Outcome)[]): Outcome[] =>
    group.map((item) => {
      if (item.kind !== 'read') return item;
      try {
        return { ...store(item.document), name: item.name };
      } catch (error) {
        return { kind: 'failed', name: item.name, reason: reasonOf(error) };
      }
    }));

  const importAll = async (files: readonly File[]): Promise<ImportResult> => {
    const result: ImportResult = { imported: [], duplicates: [], revised: [], failed: [] };
    const total = files.length;
    const importedAt = ctx.now();
    let done = 0;
    let lastProgress = 0;
    ctx.emit('importProgress', { done, total, current: files[0]!.name });
    while (done < total) {
      const group = await readGroup(files, done, importedAt);
      let outcomes: Outcome[];
      try {
        outcomes = storeGroup.immediate(group);
      } catch (error) {
        // The commit itself failed (a full disk, a lock held too long): none of the group was stored.
        const reason = `the library could not save it (${error instanceof Error ? error.message : String(error)}); nothing of it was stored. Try again.`;
        outcomes = group.map((item) => ({ kind: 'failed', name: item.name, reason }));
      }
      for (const outcome of outcomes) {
        const { name } = outcome;
        if (outcome.kind === 'failed') result.failed.push({ name, reason: outcome.reason });
        else if (outcome.kind === 'revised') result.revised.push({ name, id: outcome.id, title: outcome.title, carried: outcome.carried, toReview: outcome.toReview });
        else result[outcome.kind].push({ name, id: outcome.id, title: outcome.title });
      }
      done += outcomes.length;
      const now = Date.now();
      if (done === total || now - lastProgress >= PROGRESS_INTERVAL_MS) {
        ctx.emit('importProgress', { done, total, current: files[done - 1]!.name });
        lastProgress = now;
      }
      if (done < total) await new Promise((resolve) => setImmediate(resolve));
    }
    if (result.imported.length > 0 || result.revised.length > 0) ctx.emit('libraryChanged', { reason: 'import' });
    return result;
  };

  return {
    async importFiles({ files }) {
      const resume = holdCheckpoints(db);
      try {
        return await importAll(files);
      } finally {
        resume();
      }
    },
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof ExcerptError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Excerpt could not import it (${message}). Nothing of it was stored; please report this problem.`;
}
