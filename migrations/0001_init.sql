-- 0001: the library. Documents with their canonical text, the codebook (tags), the
-- highlights (annotations) and their tags, a little app state, and full-text search.
-- The runner wraps this file in one transaction and sets PRAGMA user_version = 1.

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  -- the issuer or outlet
  source TEXT,
  source_url TEXT,
  -- ISO date (YYYY-MM-DD) the document states, or NULL
  published_at TEXT CHECK (published_at IS NULL OR published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  language TEXT,
  imported_at TEXT NOT NULL,
  -- sha256 (hex) of `text`; not unique: it finds duplicates at import, it does not forbid them
  content_hash TEXT NOT NULL,
  -- ProseMirror JSON in the schema of common/schema.ts
  doc_json TEXT NOT NULL,
  -- canonical plain text (common/text.ts); every annotation offset counts into it
  text TEXT NOT NULL
);
CREATE INDEX documents_by_content_hash ON documents (content_hash);

-- The codebook. Deleting a tag deletes its sub-tags (ON DELETE CASCADE) and, through
-- annotation_tags, their links to highlights; the highlights themselves stay.
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  parent_id INTEGER REFERENCES tags (id) ON DELETE CASCADE,
  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  description TEXT NOT NULL DEFAULT '',
  -- one key that applies the tag; UNIQUE lets any number of tags have none (NULL)
  shortcut TEXT UNIQUE,
  -- order among siblings
  position INTEGER NOT NULL DEFAULT 0,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
-- Names are unique among siblings, top level included: a plain UNIQUE (parent_id, name)
-- would treat every NULL parent as distinct, so top-level tags are keyed under 0.
CREATE UNIQUE INDEX tags_name_unique_among_siblings ON tags (ifnull(parent_id, 0), name COLLATE NOCASE);
CREATE INDEX tags_by_parent ON tags (parent_id, position);

-- A highlight: a range of documents.text in UTF-16 code units, end exclusive, with its
-- quote and context (W3C TextQuoteSelector) to find it again if the text changes.
CREATE TABLE annotations (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  "start" INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ("start" >= 0 AND "end" > "start")
);
CREATE INDEX annotations_by_document ON annotations (document_id, "start");

CREATE TABLE annotation_tags (
  annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (annotation_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id);

-- Small facts the app remembers about this library, e.g. that first-run samples were offered.
CREATE TABLE app_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Full-text search over title and text. External content: the words live in documents,
-- the index alone lives here, and the triggers below keep the two in step.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title,
  text,
  content = 'documents',
  content_rowid = 'id',
  tokenize = "unicode61 remove_diacritics 2"
);

CREATE TRIGGER documents_fts_after_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER documents_fts_after_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
