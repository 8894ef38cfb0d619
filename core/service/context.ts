/// What the service's method groups share: the database, its stores, the clock and the
/// event emitter; and the shape a group of method implementations takes.
import type Database from 'better-sqlite3';
import type { Args, MethodName, Result } from '../../common/api.ts';
import type { ExcerptEventName, ExcerptEvents } from '../../common/types.ts';
import type { AnnotationStore } from '../store/annotations.ts';
import type { DocumentStore } from '../store/documents.ts';
import type { ExcerptStore } from '../store/excerpts.ts';
import type { RevisionStore } from '../store/revisions.ts';
import type { SavedQueryStore } from '../store/savedQueries.ts';
import type { TagStore } from '../store/tags.ts';

/// Shared by every method group of one service.
export interface ServiceContext {
  db: Database.Database;
  /// The library's own UUID (migration 0005): what files leaving it name their items under.
  libraryId: string;
  documents: DocumentStore;
  revisions: RevisionStore;
  tags: TagStore;
  annotations: AnnotationStore;
  excerpts: ExcerptStore;
  savedQueries: SavedQueryStore;
  emit<E extends ExcerptEventName>(event: E, payload: ExcerptEvents[E]): void;
  /// Runs `change` in one transaction, then tells listeners the library changed.
  write<T>(reason: ExcerptEvents['libraryChanged']['reason'], change: () => T): T;
  /// The current time as an ISO timestamp.
  now(): string;
  /// Runs `work` with the library to itself: refused while another call is under way (an
  /// import), and calls that arrive meanwhile wait for it. For a restore, which replaces the file.
  alone<T>(work: () => Promise<T>): Promise<T>;
  /// Opens the library file again (after `work` in `alone` replaced it) and serves every later
  /// call from the new connection; null when the service was made over a bare connection.
  reopen: (() => void) | null;
}

/// Implementations of some contract methods; they receive arguments already parsed.
export type Methods<M extends MethodName> = { [K in M]: (args: Args<K>) => Result<K> | Promise<Result<K>> };
