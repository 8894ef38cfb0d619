-- 0005: the library's own identity, a random UUID (version 4) drawn once when the library is
-- created or reaches this version. Files that leave the library name its items under it (W3C
-- annotation ids, REFI-QDA GUIDs), so items of two libraries never share a name when their
-- exports meet in another tool. One row only. The runner wraps this file in one transaction
-- and sets PRAGMA user_version = 5.

CREATE TABLE library_identity (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  uuid TEXT NOT NULL CHECK (length(uuid) = 36)
);

INSERT INTO library_identity (one, uuid)
SELECT 1, lower(
  hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89AB', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))
);
