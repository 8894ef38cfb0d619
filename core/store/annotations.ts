/// SQL of the annotations (highlights) table and the tags each one carries.
import type Database from 'better-sqlite3';
import type { TextSelector } from '../../common/anchoring/types.ts';
import type { Annotation, ReviewItem, ReviewReason, ReviewSummary, TextHighlight } from '../../common/types.ts';

/// A highlight before it has an id or tags.
export type NewAnnotation = Omit<Annotation, 'id' | 'tagIds'>;

interface AnnotationRow extends Omit<Annotation, 'tagIds'> {
  tagIds: string;
}

interface ReviewRow extends AnnotationRow {
  reason: ReviewReason;
}

/// A highlight of a document as an editing session finds it: placed (reviewReason null) or in review.
export interface StoredHighlight extends Omit<Annotation, 'documentId' | 'createdAt' | 'updatedAt'> {
  reviewReason: ReviewReason | null;
}

/// Where a highlight stands after an edit, with the quote and note it has there.
export interface PlacedHighlight extends TextSelector {
  note: string;
}

/// Where a placed highlight stands, as re-anchoring reads it.
export interface PlacedSelector extends TextSelector {
  id: number;
}

/// Counts the highlights in review and the documents holding them. It walks only the partial
/// index annotations_in_review (one entry per highlight in review, in document order, so the
/// grouping needs no sort), however large the library; exported so a test can check that plan.
export const reviewSummarySql = `SELECT coalesce(sum(items), 0) AS items, count(*) AS documents FROM (
    SELECT count(*) AS items FROM annotations WHERE review_reason IS NOT NULL GROUP BY document_id)`;

const rowColumns = `a.id, a.document_id AS documentId, a."start" AS start, a."end" AS "end", a.exact, a.prefix, a.suffix,
  a.note, a.created_at AS createdAt, a.updated_at AS updatedAt`;
const columns = `${rowColumns},
  (SELECT json_group_array(tag_id ORDER BY tag_id) FROM annotation_tags WHERE annotation_id = a.id) AS tagIds`;

function fromRow(row: AnnotationRow): Annotation {
  return { ...row, tagIds: JSON.parse(row.tagIds) as number[] };
}

/// The highlight statements of one database.
export type AnnotationStore = ReturnType<typeof annotationStore>;

/// Prepares the highlight statements once for `db`.
export function annotationStore(db: Database.Database) {
  // Highlights in a review list are not on the text: every query of placed ones leaves them out.
  // A document's highlights are read with their tags in two queries, not a tag query per
  // highlight: a document may hold thousands, and an editing save reads them all.
  // Read as plain rows: the editor asks for every highlight of the document as it opens.
  const onText = db.prepare<[number], [id: number, start: number, end: number, note: string]>(`
    SELECT id, "start", "end", note FROM annotations
    WHERE document_id = ? AND review_reason IS NULL ORDER BY "start", "end", id`).raw();
  const inDocument = db.prepare<[number], Omit<Annotation, 'tagIds'>>(
    `SELECT ${rowColumns} FROM annotations a WHERE a.document_id = ? AND a.review_reason IS NULL ORDER BY a."start", a."end", a.id`);
  const tagsInDocument = db.prepare<[number], [number, number]>(`
    SELECT at.annotation_id, at.tag_id FROM annotations a JOIN annotation_tags at ON at.annotation_id = a.id
    WHERE a.document_id = ? ORDER BY at.annotation_id, at.tag_id`).raw();
  const selectorsIn = db.prepare<[number], PlacedSelector>(`
    SELECT id, "start" AS start, "end" AS "end", exact, prefix, suffix FROM annotations
    WHERE document_id = ? AND review_reason IS NULL ORDER BY "start", id`);
  const everyInDocument = db.prepare<[number], Omit<StoredHighlight, 'tagIds'>>(`
    SELECT id, "start" AS start, "end" AS "end", exact, prefix, suffix, note, review_reason AS reviewReason
    FROM annotations WHERE document_id = ?`);
  const byId = db.prepare<[number], AnnotationRow>(`SELECT ${columns} FROM annotations a WHERE a.id = ?`);
  const reasonOf = db.prepare<[number], ReviewReason | null>('SELECT review_reason FROM annotations WHERE id = ?').pluck();
  const toReview = db.prepare<{ documentId: number | null }, ReviewRow>(`
    SELECT ${columns}, a.review_reason AS reason FROM annotations a
    WHERE a.review_reason IS NOT NULL AND (@documentId IS NULL OR a.document_id = @documentId)
    ORDER BY a.document_id, a."start", a."end", a.id`);
  const summary = db.prepare<[], ReviewSummary>(reviewSummarySql);
  const move = db.prepare<TextSelector & { id: number; updatedAt: string }>(`
    UPDATE annotations SET "start" = @start, "end" = @end, exact = @exact, prefix = @prefix, suffix = @suffix, updated_at = @updatedAt
    WHERE id = @id`);
  const place = db.prepare<PlacedHighlight & { id: number; updatedAt: string }>(`
    UPDATE annotations SET "start" = @start, "end" = @end, exact = @exact, prefix = @prefix, suffix = @suffix, note = @note,
      updated_at = @updatedAt, review_reason = NULL
    WHERE id = @id`);
  const sendToReview = db.prepare<{ id: number; reason: ReviewReason; updatedAt: string }>(
    'UPDATE annotations SET review_reason = @reason, updated_at = @updatedAt WHERE id = @id');
  const insert = db.prepare<NewAnnotation>(`
    INSERT INTO annotations (document_id, "start", "end", exact, prefix, suffix, note, created_at, updated_at)
    VALUES (@documentId, @start, @end, @exact, @prefix, @suffix, @note, @createdAt, @updatedAt)`);
  const writeNote = db.prepare<[string, number]>('UPDATE annotations SET note = ? WHERE id = ?');
  const touch = db.prepare<[string, number]>('UPDATE annotations SET updated_at = ? WHERE id = ?');
  const untag = db.prepare<[number]>('DELETE FROM annotation_tags WHERE annotation_id = ?');
  const tag = db.prepare<[number, string]>(
    'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT ?, value FROM json_each(?)');
  const untagAll = db.prepare<[string]>('DELETE FROM annotation_tags WHERE annotation_id IN (SELECT value FROM json_each(?))');
  const tagAll = db.prepare<[string]>(
    'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT value ->> 0, value ->> 1 FROM json_each(?)');
  const remove = db.prepare<[number]>('DELETE FROM annotations WHERE id = ?');

  /// The tag ids of each highlight of a document (placed or in review), ascending.
  const tagsByAnnotation = (documentId: number): Map<number, number[]> => {
    const tagIds = new Map<number, number[]>();
    for (const [annotationId, tagId] of tagsInDocument.all(documentId)) {
      const list = tagIds.get(annotationId);
      if (list) list.push(tagId);
      else tagIds.set(annotationId, [tagId]);
    }
    return tagIds;
  };

  return {
    /// The placed highlights of a document in reading order.
    listForDocument(documentId: number): Annotation[] {
      const tagIds = tagsByAnnotation(documentId);
      return inDocument.all(documentId).map((row) => ({ ...row, tagIds: tagIds.get(row.id) ?? [] }));
    },
    /// The placed highlights of a document in reading order, as the editor needs them.
    onTextOf(documentId: number): TextHighlight[] {
      const tagIds = tagsByAnnotation(documentId);
      return onText.all(documentId).map(([id, start, end, note]) => ({ id, start, end, note, tagIds: tagIds.get(id) ?? [] }));
    },
    /// The placed highlights of a document, as selectors to re-anchor.
    selectorsIn(documentId: number): PlacedSelector[] {
      return selectorsIn.all(documentId);
    },
    /// Every highlight of a document, placed or in review, in no particular order.
    everyInDocument(documentId: number): StoredHighlight[] {
      const tagIds = tagsByAnnotation(documentId);
      return everyInDocument.all(documentId).map((row) => ({ ...row, tagIds: tagIds.get(row.id) ?? [] }));
    },
    /// Puts a highlight (placed or in review) on the text at `highlight`, with that note.
    place(id: number, highlight: PlacedHighlight, updatedAt: string): void {
      place.run({ id, start: highlight.start, end: highlight.end, exact: highlight.exact, prefix: highlight.prefix, suffix: highlight.suffix, note: highlight.note, updatedAt });
    },
    /// Highlights waiting in review lists (one document's, or all), by document and old position.
    inReview(documentId: number | null): ReviewItem[] {
      return toReview.all({ documentId }).map((row) => ({ ...fromRow(row), reason: row.reason }));
    },
    /// How many highlights wait in review lists, and in how many documents.
    reviewSummary(): ReviewSummary {
      return summary.get()!;
    },
    /// Why the highlight waits for review; null when it is placed, undefined when there is none.
    reviewReason(id: number): ReviewReason | null | undefined {
      return reasonOf.get(id);
    },
    /// Puts a placed highlight on a new range with the quote and context read there.
    move(id: number, selector: TextSelector, updatedAt: string): void {
      move.run({ id, start: selector.start, end: selector.end, exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix, updatedAt });
    },
    /// Takes a highlight off the text into its document's review list; its old quote stays.
    sendToReview(id: number, reason: ReviewReason, updatedAt: string): void {
      sendToReview.run({ id, reason, updatedAt });
    },
    /// Any highlight, placed or in review.
    get(id: number): Annotation | undefined {
      const row = byId.get(id);
      return row && fromRow(row);
    },
    add(annotation: NewAnnotation): number {
      return Number(insert.run(annotation).lastInsertRowid);
    },
    setNote(id: number, note: string): void {
      writeNote.run(note, id);
    },
    touch(id: number, updatedAt: string): void {
      touch.run(updatedAt, id);
    },
    /// Makes `tagIds` the highlight's whole set of tags.
    replaceTags(id: number, tagIds: readonly number[]): void {
      untag.run(id);
      tag.run(id, JSON.stringify(tagIds));
    },
    /// Makes each entry's `tagIds` its highlight's whole set of tags, in two statements for all.
    replaceTagsOfMany(entries: readonly { id: number; tagIds: readonly number[] }[]): void {
      if (entries.length === 0) return;
      untagAll.run(JSON.stringify(entries.map((entry) => entry.id)));
      tagAll.run(JSON.stringify(entries.flatMap((entry) => entry.tagIds.map((tagId) => [entry.id, tagId]))));
    },
    /// Deletes the highlight and its tag links; false when there was none.
    remove(id: number): boolean {
      return remove.run(id).changes > 0;
    },
  };
}
