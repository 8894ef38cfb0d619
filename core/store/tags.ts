/// SQL of the codebook: the tags table and the links between tags and highlights.
import type Database from 'better-sqlite3';
import type { Tag, TagUse } from '../../common/types.ts';

/// A tag before it has an id.
export type NewTag = Omit<Tag, 'id'>;

const columns = `id, name, parent_id AS parentId, color, description, when_to_use AS whenToUse,
  when_not_to_use AS whenNotToUse, example, shortcut, position`;

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
    INSERT INTO tags (name, parent_id, color, description, when_to_use, when_not_to_use, example, shortcut, position)
    VALUES (@name, @parentId, @color, @description, @whenToUse, @whenNotToUse, @example, @shortcut, @position)`);
  const write = db.prepare<Tag>(`
    UPDATE tags SET name = @name, parent_id = @parentId, color = @color, description = @description,
                    when_to_use = @whenToUse, when_not_to_use = @whenNotToUse, example = @example,
                    shortcut = @shortcut, position = @position
    WHERE id = @id`);
  // How much each tag is used, over placed highlights only. Highlights in review are left out
  // through the short list the annotations_in_review index gives, not by reading each
  // highlight's row: a library-wide count then reads only the (tag, highlight) index.
  const libraryUses = db.prepare<[], Omit<TagUse, 'inDocument'>>(`
    WITH RECURSIVE ancestry (tag_id, ancestor_id) AS (
      SELECT id, id FROM tags
      UNION ALL SELECT a.tag_id, t.parent_id FROM ancestry a JOIN tags t ON t.id = a.ancestor_id WHERE t.parent_id IS NOT NULL
    )
    SELECT a.ancestor_id AS tagId,
           count(*) FILTER (WHERE a.tag_id = a.ancestor_id) AS inLibrary,
           count(DISTINCT at.annotation_id) AS inLibraryWithSubtags
    FROM ancestry a CROSS JOIN annotation_tags at ON at.tag_id = a.tag_id
    WHERE at.annotation_id NOT IN (SELECT id FROM annotations WHERE review_reason IS NOT NULL)
    GROUP BY a.ancestor_id`);
  const documentUses = db.prepare<[number], { tagId: number; inDocument: number }>(`
    SELECT at.tag_id AS tagId, count(*) AS inDocument
    FROM annotations a JOIN annotation_tags at ON at.annotation_id = a.id
    WHERE a.document_id = ? AND a.review_reason IS NULL
    GROUP BY at.tag_id`);
  const moveChildren = db.prepare<{ fromId: number; intoId: number; after: number }>(
    'UPDATE tags SET parent_id = @intoId, position = @after + position WHERE parent_id = @fromId');
  const touchCarriers = db.prepare<[string, number]>(
    'UPDATE annotations SET updated_at = ? WHERE id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = ?)');
  const retag = db.prepare<{ fromId: number; intoId: number }>(`
    INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id)
    SELECT annotation_id, @intoId FROM annotation_tags WHERE tag_id = @fromId`);
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
    /// Per tag that carries any placed highlight: how many carry it directly, and how many
    /// distinct ones carry it or a tag below it. Tags no placed highlight carries are absent.
    usesInLibrary(): Omit<TagUse, 'inDocument'>[] {
      return libraryUses.all();
    },
    /// Per tag: how many placed highlights of the document carry it directly (absent: none).
    usesInDocument(documentId: number): { tagId: number; inDocument: number }[] {
      return documentUses.all(documentId);
    },
    /// Puts the sub-tags of `fromId` under `intoId`, after its own, in the order they had.
    moveChildren(fromId: number, intoId: number): void {
      moveChildren.run({ fromId, intoId, after: endPosition.get(intoId)! });
    },
    /// Gives every highlight carrying `fromId` the tag `intoId` as well (once), marking it
    /// updated; the links to `fromId` go when that tag is removed.
    addTagToCarriers(fromId: number, intoId: number, updatedAt: string): void {
      touchCarriers.run(updatedAt, fromId);
      retag.run({ fromId, intoId });
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
