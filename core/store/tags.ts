/// SQL of the codebook: the tags table and the links between tags and highlights.
import type Database from 'better-sqlite3';
import type { Tag } from '../../common/types.ts';

/// A tag before it has an id.
export type NewTag = Omit<Tag, 'id'>;

const columns = 'id, name, parent_id AS parentId, color, description, shortcut, position';

/// The codebook statements of one database.
export type TagStore = ReturnType<typeof tagStore>;

/// Prepares the codebook statements once for `db`.
export function tagStore(db: Database.Database) {
  const all = db.prepare<[], Tag>(`SELECT ${columns} FROM tags ORDER BY position, id`);
  const byId = db.prepare<[number], Tag>(`SELECT ${columns} FROM tags WHERE id = ?`);
  const siblingNamed = db.prepare<[number | null, string], Tag>(
    `SELECT ${columns} FROM tags WHERE ifnull(parent_id, 0) = ifnull(?, 0) AND name = ? COLLATE NOCASE`);
  const siblingsOf = db.prepare<[number | null], Tag>(
    `SELECT ${columns} FROM tags WHERE ifnull(parent_id, 0) = ifnull(?, 0) ORDER BY position, id`);
  const byShortcut = db.prepare<[string], Tag>(`SELECT ${columns} FROM tags WHERE shortcut = ?`);
  const named = db.prepare<[string], number>('SELECT id FROM tags WHERE name = ? COLLATE NOCASE ORDER BY id').pluck();
  const endPosition = db.prepare<[number | null], number>(
    'SELECT ifnull(max(position) + 1, 0) FROM tags WHERE ifnull(parent_id, 0) = ifnull(?, 0)').pluck();
  const total = db.prepare<[], number>('SELECT count(*) FROM tags').pluck();
  const existing = db.prepare<[string], number>('SELECT id FROM tags WHERE id IN (SELECT value FROM json_each(?))').pluck();
  const subtree = db.prepare<[number], number>(`
    WITH RECURSIVE sub (id) AS (SELECT ? UNION SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id)
    SELECT id FROM sub`).pluck();
  const carriers = db.prepare<[string], number>(
    'SELECT count(DISTINCT annotation_id) FROM annotation_tags WHERE tag_id IN (SELECT value FROM json_each(?))').pluck();
  const insert = db.prepare<NewTag>(`
    INSERT INTO tags (name, parent_id, color, description, shortcut, position)
    VALUES (@name, @parentId, @color, @description, @shortcut, @position)`);
  const write = db.prepare<Tag>(`
    UPDATE tags SET name = @name, parent_id = @parentId, color = @color, description = @description,
                    shortcut = @shortcut, position = @position
    WHERE id = @id`);
  const place = db.prepare<[number, number]>('UPDATE tags SET position = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM tags WHERE id = ?');

  return {
    /// The whole codebook, siblings in their order.
    list(): Tag[] {
      return all.all();
    },
    get(id: number): Tag | undefined {
      return byId.get(id);
    },
    /// The tag under `parentId` (null: top level) whose name equals `name`, ignoring case.
    siblingNamed(parentId: number | null, name: string): Tag | undefined {
      return siblingNamed.get(parentId, name);
    },
    siblings(parentId: number | null): Tag[] {
      return siblingsOf.all(parentId);
    },
    withShortcut(shortcut: string): Tag | undefined {
      return byShortcut.get(shortcut);
    },
    /// Ids of the tags called `name` (ignoring case), under any parent.
    idsNamed(name: string): number[] {
      return named.all(name);
    },
    /// The position just after the last sibling under `parentId`.
    endPosition(parentId: number | null): number {
      return endPosition.get(parentId)!;
    },
    count(): number {
      return total.get()!;
    },
    /// Those of `ids` that name a tag.
    existing(ids: readonly number[]): number[] {
      return existing.all(JSON.stringify(ids));
    },
    /// The tag and all tags below it.
    subtreeIds(id: number): number[] {
      return subtree.all(id);
    },
    /// How many highlights carry any of these tags.
    annotationsCarrying(ids: readonly number[]): number {
      return carriers.get(JSON.stringify(ids))!;
    },
    add(tag: NewTag): number {
      return Number(insert.run(tag).lastInsertRowid);
    },
    update(tag: Tag): void {
      write.run(tag);
    },
    setPosition(id: number, position: number): void {
      place.run(position, id);
    },
    /// Deletes the tag; its sub-tags and its links to highlights go with it (ON DELETE CASCADE).
    remove(id: number): void {
      remove.run(id);
    },
  };
}
