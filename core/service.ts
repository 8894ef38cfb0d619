/// The one implementation of the contract (common/api.ts). Every method parses its
/// arguments with the method's schema before anything runs, so every host gets the same
/// validation; writes run in one transaction each and then announce `libraryChanged`.
import type Database from 'better-sqlite3';
import { methodNames, type ExcerptApi, type MethodName } from '../common/api.ts';
import { ExcerptError } from '../common/errors.ts';
import { parseArgs } from '../common/parseArgs.ts';
import type { ExcerptEventName, ExcerptEvents } from '../common/types.ts';
import { annotationStore } from './store/annotations.ts';
import { documentStore } from './store/documents.ts';
import { excerptStore } from './store/excerpts.ts';
import { revisionStore } from './store/revisions.ts';
import { savedQueryStore } from './store/savedQueries.ts';
import { tagStore } from './store/tags.ts';
import { annotationMethods } from './service/annotations.ts';
import { backupMethods } from './service/backups.ts';
import { codebookMethods } from './service/codebook.ts';
import type { Methods, ServiceContext } from './service/context.ts';
import { documentMethods } from './service/documents.ts';
import { editingMethods } from './service/editing.ts';
import { exchangeMethods } from './service/exchange.ts';
import { exportMethods } from './service/exporting.ts';
import { findExcerptMethods } from './service/findExcerpts.ts';
import { importMethods } from './service/importing.ts';
import { reviewMethods } from './service/review.ts';
import { savedQueryMethods } from './service/savedQueries.ts';

/// The contract plus its events, as hosts hold it.
export interface ExcerptService extends ExcerptApi {
  /// Listens to a service event; returns the function that stops listening.
  on<E extends ExcerptEventName>(event: E, listener: (payload: ExcerptEvents[E]) => void): () => void;
}

/// The service over an open, migrated library database. `openAgain` opens the library file
/// anew, migrated (openLibrary gives it): a restore replaces the file under the service.
export function createService(db: Database.Database, openAgain?: () => Database.Database): ExcerptService {
  const listeners = new Map<ExcerptEventName, Set<(payload: never) => void>>();
  const emit = <E extends ExcerptEventName>(event: E, payload: ExcerptEvents[E]) => {
    for (const listener of listeners.get(event) ?? []) {
      // A failing listener (a closed window, a dropped connection) must not fail the call that emitted.
      try {
        (listener as (payload: ExcerptEvents[E]) => void)(payload);
      } catch (error) {
        console.error(`Excerpt: a ${event} listener failed:`, error);
      }
    }
  };
  // A restore has the library to itself: `running` counts the calls under way, and calls that
  // arrive while `sole` (the restore) runs wait for it, then use the connection it reopened.
  let running = 0;
  let sole: Promise<unknown> | null = null;
  const alone = async <T>(work: () => Promise<T>): Promise<T> => {
    if (running > 1) {
      throw new ExcerptError('conflict', 'Excerpt is busy with the library (an import, an export or a backup). Wait until it has finished, then try again.');
    }
    const done = work();
    sole = done;
    try {
      return await done;
    } finally {
      sole = null;
    }
  };
  // The method groups over one connection; made again when a restore reopens the library.
  const connect = (db: Database.Database): Methods<MethodName> => {
    const ctx: ServiceContext = {
      db,
      libraryId: db.prepare<[], string>('SELECT uuid FROM library_identity').pluck().get()!,
      documents: documentStore(db),
      revisions: revisionStore(db),
      tags: tagStore(db),
      annotations: annotationStore(db),
      excerpts: excerptStore(db),
      savedQueries: savedQueryStore(db),
      emit,
      now: () => new Date().toISOString(),
      write: (reason, change) => {
        // IMMEDIATE takes the write lock up front (waiting out busy_timeout), so a read-then-write
        // never fails half-way because another process (the CLI, the app) wrote in between.
        const result = db.transaction(change).immediate();
        emit('libraryChanged', { reason });
        return result;
      },
      alone,
      reopen: openAgain ? () => void (methods = connect(openAgain())) : null,
    };
    return {
      ...documentMethods(ctx),
      ...codebookMethods(ctx),
      ...annotationMethods(ctx),
      ...reviewMethods(ctx),
      ...editingMethods(ctx),
      ...importMethods(ctx),
      ...exportMethods(ctx),
      ...findExcerptMethods(ctx),
      ...savedQueryMethods(ctx),
      ...exchangeMethods(ctx),
      ...backupMethods(ctx),
    };
  };
  let methods = connect(db);

  const service: Record<string, unknown> = {
    on<E extends ExcerptEventName>(event: E, listener: (payload: ExcerptEvents[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
  for (const method of methodNames) {
    service[method] = async (raw: unknown) => {
      const args = parseArgs(method, raw);
      while (sole) await sole.catch(() => undefined);
      running++;
      try {
        return await (methods[method] as (args: unknown) => unknown)(args);
      } catch (error) {
        throw asContractError(method, error);
      } finally {
        running--;
      }
    };
  }
  return service as unknown as ExcerptService;
}

/// Errors the methods do not foresee (a bug, a disk that is full) still leave as an ExcerptError.
function asContractError(method: MethodName, error: unknown): ExcerptError {
  if (error instanceof ExcerptError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ExcerptError('internal', `Excerpt could not complete ${method}: ${message}. Nothing was changed by it; please report this problem.`);
}
