/// Import of files into the library. Each document is read and turned into the app's
/// schema before anything is written, then stored all or nothing (a savepoint), so one bad
/// file never stops or half-writes the rest. A file whose text the library already holds
/// is reported as a duplicate. Documents are committed in groups: a commit per document
/// costs SQLite and its full-text index several times the insert itself.
import { createHash } from 'node:crypto';
import { ExcerptError } from '../../common/errors.ts';
import { canonicalText } from '../../common/text.ts';
import type { ImportResult } from '../../common/types.ts';
import { holdCheckpoints } from '../db/checkpoints.ts';
import { readDocumentFile } from '../import/index.ts';
import type { NewDocument } from '../store/documents.ts';
import type { Methods, ServiceContext } from './context.ts';

/// Least time between two importProgress events, so a large import does not flood a host.
const PROGRESS_INTERVAL_MS = 100;
/// Longest stretch of work in one commit; then the import commits and lets the event loop
/// breathe (events go out, other requests run), never holding a transaction across a pause.
const COMMIT_INTERVAL_MS = 50;

interface File {
  name: string;
  bytes: string;
}
type Stored = { kind: 'imported' | 'duplicates'; id: number; title: string };
type Outcome = (Stored & { name: string }) | { kind: 'failed'; name: string; reason: string };

/// importFiles.
export function importMethods(ctx: ServiceContext): Methods<'importFiles'> {
  const { db, documents } = ctx;

  const storeUnlessKnown = db.transaction((document: NewDocument): Stored => {
    const known = documents.withContentHash(document.contentHash);
    if (known) return { kind: 'duplicates', ...known };
    return { kind: 'imported', id: documents.add(document), title: document.title };
  });

  const importOne = (file: File, importedAt: string): Outcome => {
    try {
      const read = readDocumentFile(file.name, Buffer.from(file.bytes, 'base64'));
      const text = canonicalText(read.doc);
      const stored = storeUnlessKnown({
        title: read.title,
        source: read.source ?? null,
        sourceUrl: null,
        published: read.published,
        language: null,
        importedAt,
        contentHash: createHash('sha256').update(text).digest('hex'),
        docJson: JSON.stringify(read.doc.toJSON()),
        text,
      });
      return { ...stored, name: file.name };
    } catch (error) {
      return { kind: 'failed', name: file.name, reason: reasonOf(error) };
    }
  };

  /// Imports files from `from` on until COMMIT_INTERVAL_MS has passed, in one transaction.
  const importGroup = db.transaction((files: readonly File[], from: number, importedAt: string, outcomes: Outcome[]) => {
    const started = Date.now();
    for (let i = from; i < files.length && (i === from || Date.now() - started < COMMIT_INTERVAL_MS); i++) {
      outcomes.push(importOne(files[i]!, importedAt));
    }
  });

  const importAll = async (files: readonly File[]): Promise<ImportResult> => {
    const result: ImportResult = { imported: [], duplicates: [], failed: [] };
    const total = files.length;
    const importedAt = ctx.now();
    let done = 0;
    let lastProgress = 0;
    ctx.emit('importProgress', { done, total, current: files[0]!.name });
    while (done < total) {
      let outcomes: Outcome[] = [];
      try {
        importGroup.immediate(files, done, importedAt, outcomes);
      } catch (error) {
        // The commit itself failed (a full disk, a lock held too long): none of the group was stored.
        const reason = `the library could not save it (${error instanceof Error ? error.message : String(error)}); nothing of it was stored. Try again.`;
        const names = outcomes.length > 0 ? outcomes.map((outcome) => outcome.name) : [files[done]!.name];
        outcomes = names.map((name) => ({ kind: 'failed', name, reason }));
      }
      for (const outcome of outcomes) {
        if (outcome.kind === 'failed') result.failed.push({ name: outcome.name, reason: outcome.reason });
        else result[outcome.kind].push({ name: outcome.name, id: outcome.id, title: outcome.title });
      }
      done += outcomes.length;
      const now = Date.now();
      if (done === total || now - lastProgress >= PROGRESS_INTERVAL_MS) {
        ctx.emit('importProgress', { done, total, current: files[done - 1]!.name });
        lastProgress = now;
      }
      if (done < total) await new Promise((resolve) => setImmediate(resolve));
    }
    if (result.imported.length > 0) ctx.emit('libraryChanged', { reason: 'import' });
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
