/// SQL of the documents table and its full-text index.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DocJson, DocumentSource, DocumentSummary, DocumentWithText, LibraryDocument } from '../../common/types.ts';

/// A document as the importer hands it to the library.
export interface NewDocument {
  title: string;
  source: string | null;
  sourceUrl: string | null;
  published: string | null;
  language: string | null;
  importedAt: string;
  contentHash: string;
  docJson: string;
  text: string;
}

/// A document's new content after an edit: its ProseMirror JSON, canonical text and hash.
export interface EditedContent {
  docJson: string;
  text: string;
  contentHash: string;
}

/// The content_hash of a canonical text: sha256, hex. Imports find duplicates by it, and an
/// edit is saved only on the text it was made on (its hash), so it is computed here alone.
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/// Metadata an analyst corrects; an absent field stays as it is.
export interface DocumentMetadata {
  title?: string;
  source?: string | null;
  sourceUrl?: string | null;
  published?: string | null;
}

const metadataColumns: Record<keyof DocumentMetadata, string> = {
  title: 'title',
  source: 'source',
  sourceUrl: 'source_url',
  published: 'published_at',
};

/// Which documents the library list shows; an absent field does not narrow it.
export interface DocumentFilter {
  /// A tag id: documents with a placed highlight carrying it or one of its sub-tags.
  tagId?: number;
  /// ISO dates, inclusive; an undated document falls outside any range.
  from?: string;
  to?: string;
  source?: string;
  /// Only documents with at least one highlight in their review list.
  toReview?: boolean;
}

/// How many matches a search ranks: the most recently added ones, when more documents match.
/// bm25 costs about a microsecond a match, so a word in every one of 100,000 press releases
/// would take a tenth of a second to rank in full; among 10,000 it takes about ten ms.
export const RANKED_MATCHES = 10_000;

/// A full-text match before its snippet is split into parts.
export interface SearchRow {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  snippet: string;
}

interface DocumentRow {
  id: number;
  title: string;
  source: string | null;
  source_url: string | null;
  published_at: string | null;
  language: string | null;
  imported_at: string;
  content_hash: string;
  doc_json: string;
  text: string;
}

/// The document statements of one database.
export type DocumentStore = ReturnType<typeof documentStore>;

/// Prepares the document statements once for `db`.
export function documentStore(db: Database.Database) {
  const insert = db.prepare<NewDocument>(`
    INSERT INTO documents (title, source, source_url, published_at, language, imported_at, content_hash, doc_json, text)
    VALUES (@title, @source, @sourceUrl, @published, @language, @importedAt, @contentHash, @docJson, @text)`);
  const byHash = db.prepare<[string], { id: number; title: string }>(
    'SELECT id, title FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1');
  const byId = db.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE id = ?');
  const describedById = db.prepare<[number], Omit<DocumentRow, 'text'>>(
    'SELECT id, title, source, source_url, published_at, language, imported_at, content_hash, doc_json FROM documents WHERE id = ?');
  const present = db.prepare<[number], number>('SELECT EXISTS (SELECT 1 FROM documents WHERE id = ?)').pluck();
  const textOf = db.prepare<[number], string>('SELECT text FROM documents WHERE id = ?').pluck();
  const textAndHash = db.prepare<[number], { text: string; contentHash: string }>(
    'SELECT text, content_hash AS contentHash FROM documents WHERE id = ?');
  const edit = db.prepare<EditedContent & { id: number }>(
    'UPDATE documents SET doc_json = @docJson, text = @text, content_hash = @contentHash WHERE id = @id');
  const reformat = db.prepare<[string, number]>('UPDATE documents SET doc_json = ? WHERE id = ?');
  const bySourceUrl = db.prepare<[string], number>('SELECT id FROM documents WHERE source_url = ? ORDER BY id LIMIT 1').pluck();
  const byTitle = db.prepare<[string], number>('SELECT id FROM documents WHERE title = ? ORDER BY id LIMIT 1').pluck();
  const byTitleAndDate = db.prepare<[string, string], number>(
    'SELECT id FROM documents WHERE title = ? AND published_at = ? ORDER BY id LIMIT 1').pluck();
  // A new text takes the document's place; metadata the new file does not state stays.
  const replace = db.prepare<NewDocument & { id: number }>(`
    UPDATE documents SET title = @title, source = coalesce(@source, source), source_url = coalesce(@sourceUrl, source_url),
      published_at = coalesce(@published, published_at), language = coalesce(@language, language),
      imported_at = @importedAt, content_hash = @contentHash, doc_json = @docJson, text = @text
    WHERE id = @id`);
  const metadataUpdates = new Map<string, Database.Statement>();
  // The tag's documents are found once, from the tag side (annotation_tags_by_tag, then each
  // highlight by its id), not by probing every document's highlights.
  const newestFirst = db.prepare<{ tagId: number | null; from: string | null; to: string | null; source: string | null; toReview: 0 | 1 }, DocumentSummary>(`
    WITH RECURSIVE chosen_tags (id) AS (
      SELECT @tagId WHERE @tagId IS NOT NULL
      UNION SELECT t.id FROM tags t JOIN chosen_tags c ON t.parent_id = c.id
    )
    SELECT d.id, d.title, d.source, d.published_at AS published, d.imported_at AS importedAt,
           (SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.review_reason IS NULL) AS annotationCount,
           (SELECT count(*) FROM annotations a WHERE a.document_id = d.id AND a.review_reason IS NOT NULL) AS reviewCount
    FROM documents d
    WHERE (@tagId IS NULL OR d.id IN (
            SELECT a.document_id FROM chosen_tags c
            JOIN annotation_tags at ON at.tag_id = c.id
            JOIN annotations a ON a.id = at.annotation_id
            WHERE a.review_reason IS NULL))
      AND (@from IS NULL OR d.published_at >= @from)
      AND (@to IS NULL OR d.published_at <= @to)
      AND (@source IS NULL OR d.source = @source)
      AND (@toReview = 0 OR EXISTS (SELECT 1 FROM annotations a WHERE a.document_id = d.id AND a.review_reason IS NOT NULL))
    ORDER BY d.published_at DESC NULLS LAST, d.imported_at DESC, d.id DESC`);
  const sources = db.prepare<[], DocumentSource>(`
    SELECT source, count(*) AS count FROM documents WHERE source IS NOT NULL
    GROUP BY source ORDER BY count DESC, source`);
  // Three passes over the index, so that only the hits shown pay for a snippet (snippet()
  // in the ranking pass would run on every match: 1.5 s for a word in every document of
  // 100,000): the id below which matches are not ranked (see RANKED_MATCHES), the ranking,
  // with title words weighing more than body words, and one walk over the range of the
  // best ids for their snippets, from whichever column matched best. CROSS JOIN keeps that
  // walk the outer loop: looked up hit by hit, a prefix query would be expanded each time.
  const matching = db.prepare<{ match: string; open: string; close: string; limit: number }, SearchRow>(`
    WITH cutoff (id) AS MATERIALIZED (
      SELECT coalesce((SELECT rowid FROM documents_fts WHERE documents_fts MATCH @match ORDER BY rowid DESC LIMIT 1 OFFSET ${RANKED_MATCHES - 1}), 0)
    ),
    best AS MATERIALIZED (
      SELECT rowid AS id, bm25(documents_fts, 5.0, 1.0) AS score
      FROM documents_fts
      WHERE documents_fts MATCH @match AND rowid >= (SELECT id FROM cutoff)
      ORDER BY score, id
      LIMIT @limit
    )
    SELECT d.id, d.title, d.source, d.published_at AS published,
           snippet(documents_fts, -1, @open, @close, '…', 24) AS snippet
    FROM documents_fts
    CROSS JOIN best ON best.id = documents_fts.rowid
    CROSS JOIN documents d ON d.id = best.id
    WHERE documents_fts MATCH @match
      AND documents_fts.rowid BETWEEN (SELECT min(id) FROM best) AND (SELECT max(id) FROM best)
    ORDER BY best.score, best.id`);

  return {
    /// Stores a document (the triggers index it for search) and returns its id.
    add(document: NewDocument): number {
      return Number(insert.run(document).lastInsertRowid);
    },
    /// The first document whose current text has this sha256, if the library already holds it.
    withContentHash(hash: string): { id: number; title: string } | undefined {
      return byHash.get(hash);
    },
    /// The document at this source URL, if any.
    withSourceUrl(url: string): number | undefined {
      return bySourceUrl.get(url);
    },
    /// The first document with exactly this title.
    withTitle(title: string): number | undefined {
      return byTitle.get(title);
    },
    /// The document with this title and publication date, if any.
    withTitleAndDate(title: string, published: string): number | undefined {
      return byTitleAndDate.get(title, published);
    },
    /// Gives document `id` a new text (the triggers re-index it); keep the old one first (revisions.ts).
    replaceText(id: number, document: NewDocument): void {
      replace.run({ ...document, id });
    },
    /// Gives document `id` the text of an edit (the triggers re-index it); keep the old one first (revisions.ts).
    /// Its metadata and import date stay: an edit is not a new import.
    setEditedContent(id: number, content: EditedContent): void {
      edit.run({ ...content, id });
    },
    /// Stores a document's ProseMirror JSON after an edit that left its text as it was (formatting).
    setDocJson(id: number, docJson: string): void {
      reformat.run(docJson, id);
    },
    /// Writes the fields present in `metadata`; the title reaches the search index by trigger.
    updateMetadata(id: number, metadata: DocumentMetadata): void {
      const fields = (Object.keys(metadataColumns) as (keyof DocumentMetadata)[]).filter((field) => metadata[field] !== undefined);
      if (fields.length === 0) return;
      const key = fields.join(',');
      let statement = metadataUpdates.get(key);
      if (!statement) {
        statement = db.prepare(`UPDATE documents SET ${fields.map((f) => `${metadataColumns[f]} = @${f}`).join(', ')} WHERE id = @id`);
        metadataUpdates.set(key, statement);
      }
      statement.run({ ...Object.fromEntries(fields.map((f) => [f, metadata[f]])), id });
    },
    get(id: number): DocumentWithText | undefined {
      const row = byId.get(id);
      return row && { ...libraryDocument(row), text: row.text };
    },
    /// A document without its plain text (what the editor needs).
    describe(id: number): LibraryDocument | undefined {
      const row = describedById.get(id);
      return row && libraryDocument(row);
    },
    exists(id: number): boolean {
      return present.get(id) === 1;
    },
    /// The canonical text of a document, undefined when there is no such document.
    text(id: number): string | undefined {
      return textOf.get(id);
    },
    /// The canonical text of a document and its hash, undefined when there is no such document.
    textAndHash(id: number): { text: string; contentHash: string } | undefined {
      return textAndHash.get(id);
    },
    /// The documents `filter` lets through with their counts of placed highlights and of those
    /// to review, newest publication first; undated ones last, newest import first.
    listNewestFirst(filter: DocumentFilter = {}): DocumentSummary[] {
      return newestFirst.all({
        tagId: filter.tagId ?? null, from: filter.from ?? null, to: filter.to ?? null, source: filter.source ?? null, toReview: filter.toReview ? 1 : 0,
      });
    },
    /// The sources documents name, the most documents first, then alphabetically.
    sources(): DocumentSource[] {
      return sources.all();
    },
    /// Documents matching an FTS5 query, best first by bm25 among the RANKED_MATCHES most
    /// recently added matches; matched words sit between `open` and `close`.
    search(match: string, limit: number, open: string, close: string): SearchRow[] {
      return matching.all({ match, open, close, limit });
    },
  };
}

function libraryDocument(row: Omit<DocumentRow, 'text'>): LibraryDocument {
  return {
    id: row.id,
    title: row.title,
    source: row.source,
    sourceUrl: row.source_url,
    published: row.published_at,
    language: row.language,
    importedAt: row.imported_at,
    contentHash: row.content_hash,
    doc: JSON.parse(row.doc_json) as DocJson,
  };
}
