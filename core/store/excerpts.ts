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

/// Which excerpts to read; null means no restriction.
export interface ExcerptSelection {
  tagIds: readonly number[] | null;
  documentIds: readonly number[] | null;
}

/// The excerpt query of one database.
export type ExcerptStore = ReturnType<typeof excerptStore>;

/// Prepares the excerpt query once for `db`.
export function excerptStore(db: Database.Database) {
  const select = db.prepare<{ tagIds: string | null; documentIds: string | null }, ExcerptRow>(`
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
                    AND (@tagIds IS NULL OR x.tag_id IN (SELECT value FROM json_each(@tagIds))))
      AND (@documentIds IS NULL OR a.document_id IN (SELECT value FROM json_each(@documentIds)))
    ORDER BY a.document_id, a."start", a."end", a.id`);

  return {
    /// Highlights that carry at least one tag (one of `tagIds` when given), in `documentIds` when given.
    tagged(selection: ExcerptSelection): ExcerptRow[] {
      return select.all({
        tagIds: selection.tagIds && JSON.stringify(selection.tagIds),
        documentIds: selection.documentIds && JSON.stringify(selection.documentIds),
      });
    },
  };
}
