/// SQL of the annotations (highlights) table and the tags each one carries.
import type Database from 'better-sqlite3';
import type { Annotation } from '../../common/types.ts';

/// A highlight before it has an id or tags.
export type NewAnnotation = Omit<Annotation, 'id' | 'tagIds'>;

interface AnnotationRow extends Omit<Annotation, 'tagIds'> {
  tagIds: string;
}

const columns = `a.id, a.document_id AS documentId, a."start" AS start, a."end" AS "end", a.exact, a.prefix, a.suffix,
  a.note, a.created_at AS createdAt, a.updated_at AS updatedAt,
  (SELECT json_group_array(tag_id ORDER BY tag_id) FROM annotation_tags WHERE annotation_id = a.id) AS tagIds`;

function fromRow(row: AnnotationRow): Annotation {
  return { ...row, tagIds: JSON.parse(row.tagIds) as number[] };
}

/// The highlight statements of one database.
export type AnnotationStore = ReturnType<typeof annotationStore>;

/// Prepares the highlight statements once for `db`.
export function annotationStore(db: Database.Database) {
  const inDocument = db.prepare<[number], AnnotationRow>(
    `SELECT ${columns} FROM annotations a WHERE a.document_id = ? ORDER BY a."start", a."end", a.id`);
  const byId = db.prepare<[number], AnnotationRow>(`SELECT ${columns} FROM annotations a WHERE a.id = ?`);
  const insert = db.prepare<NewAnnotation>(`
    INSERT INTO annotations (document_id, "start", "end", exact, prefix, suffix, note, created_at, updated_at)
    VALUES (@documentId, @start, @end, @exact, @prefix, @suffix, @note, @createdAt, @updatedAt)`);
  const writeNote = db.prepare<[string, number]>('UPDATE annotations SET note = ? WHERE id = ?');
  const touch = db.prepare<[string, number]>('UPDATE annotations SET updated_at = ? WHERE id = ?');
  const untag = db.prepare<[number]>('DELETE FROM annotation_tags WHERE annotation_id = ?');
  const tag = db.prepare<[number, string]>(
    'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT ?, value FROM json_each(?)');
  const remove = db.prepare<[number]>('DELETE FROM annotations WHERE id = ?');

  return {
    /// The highlights of a document in reading order.
    listForDocument(documentId: number): Annotation[] {
      return inDocument.all(documentId).map(fromRow);
    },
    get(id: number): Annotation | undefined {
      const row = byId.get(id);
      return row && fromRow(row);
    },
    add(annotation: NewAnnotation): number {
      return Number(insert.run(annotation).lastInsertRowid);
    },
    setNote(id: number, note: string): void {
      writeNote.run(note, id);
    },
    touch(id: number, updatedAt: string): void {
      touch.run(updatedAt, id);
    },
    /// Makes `tagIds` the highlight's whole set of tags.
    replaceTags(id: number, tagIds: readonly number[]): void {
      untag.run(id);
      tag.run(id, JSON.stringify(tagIds));
    },
    /// Deletes the highlight and its tag links; false when there was none.
    remove(id: number): boolean {
      return remove.run(id).changes > 0;
    },
  };
}
