/// How a file becomes a library document, in the two steps an import keeps apart: reading it
/// into the row the library stores (parsing may be asynchronous: PDF, DOCX), with nothing
/// written; then storing that row inside the import's transaction, unless the library holds
/// its text already (a duplicate) or an earlier issue of it (a revision: revision.ts).
import { canonicalText } from '../../common/text.ts';
import { readDocumentFile } from '../import/index.ts';
import { contentHash, type NewDocument } from '../store/documents.ts';
import type { ServiceContext } from './context.ts';
import { revisedDocument, reviseDocument, type RevisionOutcome } from './revision.ts';

/// What storing a document did: added it, found its text already there, or made it the new
/// text of the document it re-issues.
export type StoredDocument = { id: number; title: string } & ({ kind: 'imported' | 'duplicates' } | ({ kind: 'revised' } & RevisionOutcome));

/// The document in the file `name` as the row the library would store; nothing is written.
/// Throws an ExcerptError saying why when the file cannot be a document.
export async function readNewDocument(name: string, bytes: Uint8Array, importedAt: string): Promise<NewDocument> {
  const read = await readDocumentFile(name, bytes);
  const text = canonicalText(read.doc);
  return {
    title: read.title,
    source: read.source ?? null,
    sourceUrl: read.sourceUrl ?? null,
    published: read.published,
    language: read.language ?? null,
    importedAt,
    contentHash: contentHash(text),
    docJson: JSON.stringify(read.doc.toJSON()),
    text,
  };
}

/// Stores `document` as a new document, as the new text of the one it re-issues, or not at all
/// when the library holds its text already; call inside the import's transaction.
export function storeNewDocument(ctx: Pick<ServiceContext, 'documents' | 'revisions' | 'annotations'>, document: NewDocument): StoredDocument {
  const { documents, revisions } = ctx;
  const known = documents.withContentHash(document.contentHash) ?? revisions.documentWithEarlierText(document.contentHash);
  if (known) return { kind: 'duplicates', ...known };
  const revised = revisedDocument(documents, document);
  if (revised !== undefined) return { kind: 'revised', id: revised, title: document.title, ...reviseDocument(ctx, revised, document) };
  return { kind: 'imported', id: documents.add(document), title: document.title };
}
