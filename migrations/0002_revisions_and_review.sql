-- 0002: revisions and the review list. A re-issued document keeps every earlier text in
-- document_revisions (nothing is ever lost); a highlight that could not be carried to the new
-- text, or whose text was deleted, waits in its document's review list (review_reason set)
-- with its old quote, context and offsets. The runner wraps this file in one transaction and
-- sets PRAGMA user_version = 2.

-- NULL: the highlight stands on the document's current text.
ALTER TABLE annotations ADD COLUMN review_reason TEXT CHECK (review_reason IN ('revision', 'deleted'));
-- The review list, per document in reading order of where the highlights stood.
CREATE INDEX annotations_in_review ON annotations (document_id, "start") WHERE review_reason IS NOT NULL;

-- An earlier text of a document, with the metadata it had then.
CREATE TABLE document_revisions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  source TEXT,
  source_url TEXT,
  published_at TEXT CHECK (published_at IS NULL OR published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  language TEXT,
  imported_at TEXT NOT NULL,
  -- when a newer text took its place
  replaced_at TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  doc_json TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX document_revisions_by_document ON document_revisions (document_id, id);
-- An import whose text matches an earlier revision is a duplicate.
CREATE INDEX document_revisions_by_content_hash ON document_revisions (content_hash);

-- How an import finds the document it revises: the same source URL, or the same title and date.
CREATE INDEX documents_by_source_url ON documents (source_url) WHERE source_url IS NOT NULL;
CREATE INDEX documents_by_title_and_date ON documents (title, published_at) WHERE published_at IS NOT NULL;
