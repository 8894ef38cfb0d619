/// Opens a library file after a kill, as the next Excerpt process would, and reads what it
/// holds: SQLite's and the full-text index's integrity checks, then every document, earlier
/// text and highlight, each checked to be whole on its own (whatever the harness expected).
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { docFromJson } from '../../common/schema.ts';
import { canonicalText } from '../../common/text.ts';
import { openDatabase } from '../../core/db/open.ts';

export interface StoredDocument {
  id: number;
  title: string;
  text: string;
  contentHash: string;
  /// The texts document_revisions keeps of it, oldest first.
  earlierTexts: string[];
}

export interface StoredHighlight {
  id: number;
  documentId: number;
  start: number;
  end: number;
  exact: string;
  note: string;
  /// Ascending.
  tagIds: number[];
  inReview: boolean;
}

/// What a library file holds after a kill.
export interface Inspection {
  /// Failed integrity checks: the file is corrupt. Empty when it is sound.
  corruption: string[];
  /// Rows that are not whole: a document whose text, hash, structure and index disagree, a
  /// highlight whose quote is not its text.
  notWhole: string[];
  documents: Map<number, StoredDocument>;
  highlights: Map<number, StoredHighlight>;
}

/// What the file held, with the connection that read it still open. Close it once the next
/// Excerpt process has the file open: closing the last connection checkpoints the WAL, and the
/// next process should find the file as the kill left it, not as this check tidied it.
export interface OpenInspection extends Inspection {
  close(): void;
}

/// Opens `path` with the pragmas every Excerpt connection uses and inspects it. A file SQLite
/// cannot open or read counts as corrupt.
export function inspectLibrary(path: string): OpenInspection {
  let db: Database.Database | undefined;
  const close = (): void => void db?.close();
  try {
    db = openDatabase(path);
    const corruption = integrityFailures(db);
    if (corruption.length > 0) return { close, corruption, notWhole: [], documents: new Map(), highlights: new Map() };
    const documents = readDocuments(db);
    const highlights = readHighlights(db);
    return { close, corruption, notWhole: [...wholenessOfDocuments(db, documents), ...wholenessOfHighlights(documents, highlights)], documents, highlights };
  } catch (error) {
    close();
    return { close, corruption: [`the library cannot be read: ${(error as Error).message}`], notWhole: [], documents: new Map(), highlights: new Map() };
  }
}

function integrityFailures(db: Database.Database): string[] {
  const failures: string[] = [];
  const sqlite = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  if (sqlite.length !== 1 || sqlite[0]!.integrity_check !== 'ok') failures.push(`PRAGMA integrity_check: ${sqlite.map((row) => row.integrity_check).join('; ')}`);
  const foreignKeys = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const row of foreignKeys) failures.push(`foreign_key_check: ${row.table} row ${row.rowid} points to a missing ${row.parent} row`);
  try {
    // The index's own structure, then (rank 1) that it indexes exactly the rows of `documents`:
    // the plain form skips that comparison for an external-content table.
    db.exec(`INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')`);
    db.exec(`INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)`);
  } catch (error) {
    failures.push(`documents_fts integrity-check: ${(error as Error).message}`);
  }
  return failures;
}

function readDocuments(db: Database.Database): Map<number, StoredDocument> {
  const rows = db.prepare<[], Omit<StoredDocument, 'earlierTexts'>>('SELECT id, title, text, content_hash AS contentHash FROM documents').all();
  const documents = new Map(rows.map((row) => [row.id, { ...row, earlierTexts: [] as string[] }]));
  for (const revision of db.prepare<[], { documentId: number; text: string }>('SELECT document_id AS documentId, text FROM document_revisions ORDER BY id').all()) {
    documents.get(revision.documentId)?.earlierTexts.push(revision.text);
  }
  return documents;
}

function readHighlights(db: Database.Database): Map<number, StoredHighlight> {
  const rows = db.prepare<[], Omit<StoredHighlight, 'tagIds' | 'inReview'> & { tagIds: string; reviewReason: string | null }>(`
    SELECT id, document_id AS documentId, "start" AS start, "end" AS "end", exact, note, review_reason AS reviewReason,
      (SELECT json_group_array(tag_id ORDER BY tag_id) FROM annotation_tags WHERE annotation_id = a.id) AS tagIds
    FROM annotations a`).all();
  return new Map(rows.map(({ tagIds, reviewReason, ...row }) => [row.id, { ...row, tagIds: JSON.parse(tagIds) as number[], inReview: reviewReason !== null }]));
}

/// Each document has a text, its hash is that text's, and its ProseMirror JSON gives that same
/// text. (That the full-text index holds exactly these rows is the integrity check's part.)
function wholenessOfDocuments(db: Database.Database, documents: Map<number, StoredDocument>): string[] {
  const problems: string[] = [];
  const docJson = db.prepare<[number], string>('SELECT doc_json FROM documents WHERE id = ?').pluck();
  for (const document of documents.values()) {
    const name = `document ${document.id} ("${document.title}")`;
    if (document.text.length === 0) problems.push(`${name} has no text`);
    if (createHash('sha256').update(document.text).digest('hex') !== document.contentHash) problems.push(`${name}: content_hash is not the hash of its text`);
    try {
      if (canonicalText(docFromJson(JSON.parse(docJson.get(document.id)!))) !== document.text) problems.push(`${name}: its doc_json does not give its text`);
    } catch (error) {
      problems.push(`${name}: its doc_json cannot be read (${(error as Error).message})`);
    }
  }
  return problems;
}

/// A placed highlight quotes exactly the text at its range.
function wholenessOfHighlights(documents: Map<number, StoredDocument>, highlights: Map<number, StoredHighlight>): string[] {
  const problems: string[] = [];
  for (const highlight of highlights.values()) {
    const text = documents.get(highlight.documentId)?.text;
    if (text === undefined || highlight.inReview) continue;
    if (text.slice(highlight.start, highlight.end) !== highlight.exact || highlight.end > text.length) {
      problems.push(`highlight ${highlight.id} quotes "${highlight.exact}" but its range ${highlight.start}-${highlight.end} of document ${highlight.documentId} reads "${text.slice(highlight.start, highlight.end)}"`);
    }
  }
  return problems;
}
