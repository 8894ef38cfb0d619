/// SQL of the excerpts: tagged highlights placed on their document's text (not those waiting
/// for review), with their document, in document then reading order.
import type Database from 'better-sqlite3';

/// One tagged highlight as stored: offsets in UTF-16 units, tag names as a JSON array.
export interface ExcerptRow {
  annotationId: number;
  documentId: number;
  title: string;
  source: string | null;
  published: string | null;
  url: string | null;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  /// Tag names and ids, each a JSON array in tag id order.
  tags: string;
  tagIds: string;
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
  const select = db.prepare<Record<string, string | null>, ExcerptRow>(`
    SELECT a.id AS annotationId, a.document_id AS documentId, d.title, d.source, d.published_at AS published,
           d.source_url AS url, a."start" AS start, a."end" AS "end", a.prefix, a.suffix, a.note,
           a.created_at AS createdAt, a.updated_at AS updatedAt,
           (SELECT json_group_array(t.name ORDER BY t.id)
              FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id) AS tags,
           (SELECT json_group_array(x.tag_id ORDER BY x.tag_id)
              FROM annotation_tags x WHERE x.annotation_id = a.id) AS tagIds
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
    ORDER BY a.document_id, a."start", a."end", a.id`);
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
      return select.all({
        anyTagIds: json(selection.anyTagIds),
        allTagGroups: json(selection.allTagGroups),
        notTagIds: json(selection.notTagIds),
        from: selection.from,
        to: selection.to,
        source: selection.source,
        documentIds: json(selection.documentIds),
      });
    },
    /// The placed highlights in `documentIds` carrying one of `tagIds`.
    placedWith(documentIds: readonly number[], tagIds: readonly number[]): PlacedRange[] {
      return placedWith.all({ documentIds: JSON.stringify(documentIds), tagIds: JSON.stringify(tagIds) });
    },
  };
}
