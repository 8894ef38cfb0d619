/// What the crash harness knows the library must hold: the latest acknowledged state of every
/// document and highlight it wrote, and the writes still in flight at the last kill, which may
/// or may not have happened but must be whole. After each kill it is compared with what the
/// file holds (inspectLibrary.ts); what an in-flight write turned out to do is taken in.
import type { Annotation } from '../../common/types.ts';
import type { Inspection, StoredDocument, StoredHighlight } from './inspectLibrary.ts';
import type { Release } from './releases.ts';

export interface KnownDocument {
  id: number;
  /// The file its current text came from.
  release: Release;
  /// Its texts before each re-issue, oldest first.
  earlierTexts: string[];
}

/// Where a highlight stands: on the text, or in its document's review list.
export interface Place {
  start: number;
  end: number;
  exact: string;
  inReview: boolean;
}

export interface KnownHighlight {
  id: number;
  documentId: number;
  tagIds: number[];
  note: string;
  /// null after a re-issue of its document moved it where re-anchoring decided, until the
  /// library is next read: then it must stand whole somewhere, and that is where it is.
  place: Place | null;
}

/// A write sent to a process that was killed before it answered.
export type WriteInFlight =
  | { kind: 'create'; documentId: number; start: number; end: number; tagIds: number[]; note: string }
  | { kind: 'update'; id: number; tagIds: number[]; note: string }
  /// `note`: the highlight's note when the delete was sent, which tells it from a later one
  /// given the same id (SQLite hands the highest id out again once it is deleted).
  | { kind: 'delete'; id: number; note: string }
  | { kind: 'import'; releases: Release[] }
  | { kind: 'reissue'; documentId: number; release: Release };

/// Acknowledged writes by kind: highlights created, edited and deleted, documents imported and re-issued.
export interface AcknowledgedWrites {
  created: number;
  edited: number;
  deleted: number;
  imported: number;
  reissued: number;
}

/// What comparing the model with the file found.
export interface Reconciliation {
  /// Acknowledged writes the file does not show.
  lost: string[];
  /// Writes that are there in part, or rows nobody wrote.
  notWhole: string[];
  /// Writes in flight at the kill that the file shows (committed, but not yet answered).
  committedInFlight: number;
}

export class LibraryModel {
  readonly documents = new Map<number, KnownDocument>();
  readonly highlights = new Map<number, KnownHighlight>();
  /// Highlights whose deletion was acknowledged, by id, with their last note: they must stay gone.
  readonly #deleted = new Map<number, string>();
  #inFlight: WriteInFlight[] = [];
  /// Writes acknowledged so far, by kind.
  readonly acknowledged: AcknowledgedWrites = { created: 0, edited: 0, deleted: 0, imported: 0, reissued: 0 };

  /// createAnnotation answered with this highlight.
  created(annotation: Annotation): void {
    const { id, documentId, start, end, exact, tagIds, note } = annotation;
    this.highlights.set(id, { id, documentId, tagIds: sortedTags(tagIds), note, place: { start, end, exact, inReview: false } });
    this.acknowledged.created++;
  }

  /// updateAnnotation answered with this highlight: its tags and note changed, not its place.
  updated(annotation: Annotation): void {
    const known = this.highlights.get(annotation.id)!;
    this.highlights.set(annotation.id, { ...known, tagIds: sortedTags(annotation.tagIds), note: annotation.note });
    this.acknowledged.edited++;
  }

  /// deleteAnnotation answered for the highlight `id` whose note was `note`.
  deleted(id: number, note: string): void {
    this.#forget(id, note);
    this.acknowledged.deleted++;
  }

  /// Drops the highlight deleted as `id` with `note`. The id may already name a newer highlight:
  /// answers on separate connections can arrive in another order than the commits, so the
  /// creation that reused the id may have been taken in first.
  #forget(id: number, note: string): void {
    if (this.highlights.get(id)?.note === note) this.highlights.delete(id);
    this.#deleted.set(id, note);
  }

  imported(id: number, release: Release): void {
    this.documents.set(id, { id, release, earlierTexts: [] });
    this.acknowledged.imported++;
  }

  reissued(id: number, release: Release): void {
    this.#takeReissue(this.documents.get(id)!, release);
    this.acknowledged.reissued++;
  }

  unanswered(write: WriteInFlight): void {
    this.#inFlight.push(write);
  }

  /// How many writes were in flight at the last kill.
  get inFlight(): number {
    return this.#inFlight.length;
  }

  /// Compares the model with what the file holds after a kill, and takes in what the writes in
  /// flight turned out to do.
  reconcile(found: Inspection): Reconciliation {
    const result: Reconciliation = { lost: [], notWhole: [], committedInFlight: 0 };
    for (const write of this.#inFlight) {
      if (this.#settle(write, found, result.notWhole)) result.committedInFlight++;
    }
    this.#inFlight = [];
    this.#compareDocuments(found, result);
    this.#compareHighlights(found, result);
    return result;
  }

  /// Takes in what a write in flight did; true when it happened.
  #settle(write: WriteInFlight, found: Inspection, notWhole: string[]): boolean {
    switch (write.kind) {
      case 'import': {
        let happened = false;
        const unknown = [...found.documents.values()].filter((stored) => !this.documents.has(stored.id));
        for (const release of write.releases) {
          const stored = unknown.find((document) => document.contentHash === release.contentHash);
          if (!stored) continue;
          happened = true;
          if (stored.title !== release.title || stored.text !== release.text) notWhole.push(`document ${stored.id}, imported while killed, is not the file ${release.name} whole`);
          this.documents.set(stored.id, { id: stored.id, release, earlierTexts: [] });
        }
        return happened;
      }
      case 'reissue': {
        const known = this.documents.get(write.documentId)!;
        if (found.documents.get(write.documentId)?.contentHash !== write.release.contentHash) return false;
        this.#takeReissue(known, write.release);
        return true;
      }
      case 'create': {
        const stored = [...found.highlights.values()].filter((highlight) => highlight.note === write.note);
        if (stored.length === 0) return false;
        if (stored.length > 1) notWhole.push(`the highlight created while killed ("${write.note}") is there ${stored.length} times`);
        const [highlight] = stored as [StoredHighlight];
        if (highlight.documentId !== write.documentId || highlight.start !== write.start || highlight.end !== write.end || !sameTags(highlight.tagIds, write.tagIds)) {
          notWhole.push(`highlight ${highlight.id}, created while killed, is not the one sent: ${describe(highlight)} instead of ${JSON.stringify(write)}`);
        }
        this.highlights.set(highlight.id, known(highlight));
        return true;
      }
      case 'update': {
        const stored = found.highlights.get(write.id);
        const before = this.highlights.get(write.id)!;
        if (!stored) return false;
        const happened = stored.note === write.note;
        // Note and tags change in one transaction: both are the edit's, or both as before.
        if (!sameTags(stored.tagIds, happened ? write.tagIds : before.tagIds)) {
          notWhole.push(`highlight ${write.id}, edited while killed, has ${happened ? "the edit's" : 'its earlier'} note but tags ${JSON.stringify(stored.tagIds)}`);
        }
        if (happened || stored.note === before.note) this.highlights.set(write.id, { ...before, tagIds: stored.tagIds, note: stored.note });
        return happened;
      }
      case 'delete':
        if (found.highlights.get(write.id)?.note === write.note) return false;
        this.#forget(write.id, write.note);
        return true;
    }
  }

  #takeReissue(document: KnownDocument, release: Release): void {
    document.earlierTexts.push(document.release.text);
    document.release = release;
    for (const highlight of this.highlights.values()) {
      if (highlight.documentId === document.id) highlight.place = null;
    }
  }

  #compareDocuments(found: Inspection, { lost, notWhole }: Reconciliation): void {
    for (const known of this.documents.values()) {
      const stored = found.documents.get(known.id);
      const name = `document ${known.id} (${known.release.name})`;
      if (!stored) {
        lost.push(`${name} was acknowledged but is not in the library`);
        continue;
      }
      if (stored.title !== known.release.title || stored.text !== known.release.text || stored.contentHash !== known.release.contentHash) {
        lost.push(`${name} does not hold the text last acknowledged (${describeText(stored)} instead of ${known.release.text.length} characters)`);
      }
      const earlier = stored.earlierTexts;
      if (earlier.length < known.earlierTexts.length || known.earlierTexts.some((text, i) => earlier[i] !== text)) {
        lost.push(`${name} keeps ${earlier.length} earlier texts, not the ${known.earlierTexts.length} its re-issues left`);
      } else if (earlier.length > known.earlierTexts.length) {
        notWhole.push(`${name} keeps ${earlier.length - known.earlierTexts.length} earlier texts no re-issue left`);
      }
    }
    for (const stored of found.documents.values()) {
      if (!this.documents.has(stored.id)) notWhole.push(`document ${stored.id} ("${stored.title}") was never imported`);
    }
  }

  #compareHighlights(found: Inspection, { lost, notWhole }: Reconciliation): void {
    for (const known of this.highlights.values()) {
      const stored = found.highlights.get(known.id);
      if (!stored) {
        lost.push(`highlight ${known.id} (note "${known.note}") was acknowledged but is not in the library`);
        continue;
      }
      if (stored.documentId !== known.documentId || stored.note !== known.note || !sameTags(stored.tagIds, known.tagIds)) {
        lost.push(`highlight ${known.id} is ${describe(stored)}, not as last acknowledged (note "${known.note}", tags ${JSON.stringify(known.tagIds)})`);
      }
      if (known.place === null) {
        // Where a re-issue put it: inspectLibrary checked that it quotes its text, if placed.
        known.place = { start: stored.start, end: stored.end, exact: stored.exact, inReview: stored.inReview };
      } else if (stored.start !== known.place.start || stored.end !== known.place.end || stored.exact !== known.place.exact || stored.inReview !== known.place.inReview) {
        lost.push(`highlight ${known.id} stands at ${describe(stored)}, not where it was acknowledged (${JSON.stringify(known.place)})`);
      }
    }
    for (const stored of found.highlights.values()) {
      if (this.highlights.has(stored.id)) continue;
      if (this.#deleted.get(stored.id) === stored.note) lost.push(`highlight ${stored.id} (note "${stored.note}") is back although its deletion was acknowledged`);
      else notWhole.push(`highlight ${stored.id} (${describe(stored)}) was never created`);
    }
  }
}

function known(stored: StoredHighlight): KnownHighlight {
  const { id, documentId, tagIds, note, start, end, exact, inReview } = stored;
  return { id, documentId, tagIds, note, place: { start, end, exact, inReview } };
}

function sortedTags(tagIds: readonly number[]): number[] {
  return [...tagIds].sort((a, b) => a - b);
}

function sameTags(a: readonly number[], b: readonly number[]): boolean {
  const sorted = sortedTags(b);
  return a.length === sorted.length && a.every((tag, i) => tag === sorted[i]);
}

function describe(highlight: StoredHighlight): string {
  return `document ${highlight.documentId} ${highlight.start}-${highlight.end}${highlight.inReview ? ' (in review)' : ''}, tags ${JSON.stringify(highlight.tagIds)}, note "${highlight.note}"`;
}

function describeText(document: StoredDocument): string {
  return `"${document.title}", ${document.text.length} characters`;
}
