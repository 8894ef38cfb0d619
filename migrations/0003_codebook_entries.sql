-- 0003: codebook entries. Beside its description, a tag says when to apply it, when not to,
-- and gives an example passage, so that analysts coding the same documents code them alike.
-- Existing tags start with the three empty. The runner wraps this file in one transaction and
-- sets PRAGMA user_version = 3.

ALTER TABLE tags ADD COLUMN when_to_use TEXT NOT NULL DEFAULT '';
ALTER TABLE tags ADD COLUMN when_not_to_use TEXT NOT NULL DEFAULT '';
ALTER TABLE tags ADD COLUMN example TEXT NOT NULL DEFAULT '';
