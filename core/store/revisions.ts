/// SQL of the earlier texts of documents: a re-issued document's previous text and metadata
/// are kept here, never overwritten, and an import of any of them is a duplicate.
import type Database from 'better-sqlite3';

/// The revision statements of one database.
export type RevisionStore = ReturnType<typeof revisionStore>;

/// Prepares the revision statements once for `db`.
export function revisionStore(db: Database.Database) {
  const keep = db.prepare<{ id: number; replacedAt: string }>(`
    INSERT INTO document_revisions
      (document_id, title, source, source_url, published_at, language, imported_at, replaced_at, content_hash, doc_json, text)
    SELECT id, title, source, source_url, published_at, language, imported_at, @replacedAt, content_hash, doc_json, text
    FROM documents WHERE id = @id`);
  const byHash = db.prepare<[string], { id: number; title: string }>(`
    SELECT d.id, d.title FROM document_revisions r JOIN documents d ON d.id = r.document_id
    WHERE r.content_hash = ? ORDER BY r.id LIMIT 1`);

  return {
    /// Copies document `id`'s current text and metadata into its revisions, before a newer text replaces it.
    keepCurrent(id: number, replacedAt: string): void {
      keep.run({ id, replacedAt });
    },
    /// The document one of whose earlier texts has this sha256.
    documentWithEarlierText(hash: string): { id: number; title: string } | undefined {
      return byHash.get(hash);
    },
  };
}
