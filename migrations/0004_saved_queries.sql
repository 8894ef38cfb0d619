-- 0004: saved excerpt queries. An analyst names a query (tags, co-occurrence, words, dates,
-- source) to run it again later; the filter is kept as the JSON the contract defines
-- (common/api.ts exportFilter) and read back through its schema. The runner wraps this file
-- in one transaction and sets PRAGMA user_version = 4.

CREATE TABLE saved_queries (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  filter TEXT NOT NULL CHECK (json_valid(filter)),
  saved_at TEXT NOT NULL
);
