/// SQL of the excerpts: tagged highlights placed on their document's text (not those waiting
/// for review), with their document, in document then reading order.
import type Database from 'better-sqlite3';

/// One tagged highlight as stored: offsets in UTF-16 units, tag ids as a JSON array in id order.
export interface ExcerptRow {
  annotationId: number;
  documentId: number;
  /// The document's citation: one object shared by all its highlights' rows.
  document: Citation;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  tagIds: string;
}

/// A highlight's columns as the query returns them, in its SELECT order.
type HighlightColumns = [annotationId: number, documentId: number, start: number, end: number, prefix: string, suffix: string, note: string, createdAt: string, updatedAt: string, tagIds: string];

/// A document as its excerpts cite it.
export interface Citation {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  url: string | null;
}

/// Which excerpts to read; null means no restriction. Tag ids are already widened to sub-tags.
export interface ExcerptSelection {
  /// Carries at least one of these (null: any tag at all).
  anyTagIds: readonly number[] | null;
  /// Carries one of each group.
  allTagGroups: readonly (readonly number[])[] | null;
  /// Carries none of these.
  notTagIds: readonly number[] | null;
  /// Published within from..to (YYYY-MM-DD, inclusive), from exactly `source`.
  from: string | null;
  to: string | null;
  source: string | null;
  documentIds: readonly number[] | null;
}

/// A placed highlight's range, for co-occurrence.
export interface PlacedRange {
  id: number;
  documentId: number;
  start: number;
  end: number;
}

/// The excerpt query of one database.
export type ExcerptStore = ReturnType<typeof excerptStore>;

/// Prepares the excerpt query once for `db`.
export function excerptStore(db: Database.Database) {
  const json = (ids: unknown) => (ids === null ? null : JSON.stringify(ids));
  // A document's columns are read once (citation), not copied into the row of each of its
  // highlights: for 100,000 highlights that halves the time the excerpts take to read.
  const select = db.prepare<Record<string, string | null>, HighlightColumns>(`
    SELECT a.id, a.document_id, a."start", a."end", a.prefix, a.suffix, a.note, a.created_at, a.updated_at,
           (SELECT json_group_array(x.tag_id ORDER BY x.tag_id) FROM annotation_tags x WHERE x.annotation_id = a.id)
    FROM annotations a JOIN documents d ON d.id = a.document_id
    WHERE a.review_reason IS NULL
      AND EXISTS (SELECT 1 FROM annotation_tags x
                  WHERE x.annotation_id = a.id
                    AND (@anyTagIds IS NULL OR x.tag_id IN (SELECT value FROM json_each(@anyTagIds))))
      AND (@allTagGroups IS NULL OR NOT EXISTS (
            SELECT 1 FROM json_each(@allTagGroups) g
            WHERE NOT EXISTS (SELECT 1 FROM annotation_tags x
                              WHERE x.annotation_id = a.id AND x.tag_id IN (SELECT value FROM json_each(g.value)))))
      AND (@notTagIds IS NULL OR NOT EXISTS (SELECT 1 FROM annotation_tags x
                                             WHERE x.annotation_id = a.id AND x.tag_id IN (SELECT value FROM json_each(@notTagIds))))
      AND (@from IS NULL OR d.published_at >= @from)
      AND (@to IS NULL OR d.published_at <= @to)
      AND (@source IS NULL OR d.source = @source)
      AND (@documentIds IS NULL OR a.document_id IN (SELECT value FROM json_each(@documentIds)))
    ORDER BY a.document_id, a."start", a."end", a.id`).raw();
  const citation = db.prepare<[number], Citation>(
    'SELECT id, title, source, published_at AS published, source_url AS url FROM documents WHERE id = ?');
  const placedWith = db.prepare<{ documentIds: string; tagIds: string }, PlacedRange>(`
    SELECT DISTINCT a.id, a.document_id AS documentId, a."start" AS start, a."end" AS "end"
    FROM annotations a JOIN annotation_tags x ON x.annotation_id = a.id
    WHERE a.review_reason IS NULL
      AND a.document_id IN (SELECT value FROM json_each(@documentIds))
      AND x.tag_id IN (SELECT value FROM json_each(@tagIds))
    ORDER BY a.document_id, a."start"`);

  return {
    /// Highlights that carry at least one tag and pass `selection`, in document then reading order.
    tagged(selection: ExcerptSelection): ExcerptRow[] {
      // Row by row: each row's array is garbage as soon as its ExcerptRow is made, where all()
      // would keep 100,000 of them until the last is read. (Reading citations meanwhile is
      // allowed: better-sqlite3 refuses only writes while an iteration is open.)
      const rows = select.iterate({
        anyTagIds: json(selection.anyTagIds),
        allTagGroups: json(selection.allTagGroups),
        notTagIds: json(selection.notTagIds),
        from: selection.from,
        to: selection.to,
        source: selection.source,
        documentIds: json(selection.documentIds),
      });
      let cited: Citation | undefined;
      return Array.from(rows, ([annotationId, documentId, start, end, prefix, suffix, note, createdAt, updatedAt, tagIds]) => {
        // The rows come in document order: a document is read at its first highlight.
        if (cited?.id !== documentId) cited = citation.get(documentId)!;
        return { annotationId, documentId, document: cited, start, end, prefix, suffix, note, createdAt, updatedAt, tagIds };
      });
    },
    /// The placed highlights in `documentIds` carrying one of `tagIds`.
    placedWith(documentIds: readonly number[], tagIds: readonly number[]): PlacedRange[] {
      return placedWith.all({ documentIds: JSON.stringify(documentIds), tagIds: JSON.stringify(tagIds) });
    },
  };
}
