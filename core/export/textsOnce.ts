/// Documents' canonical texts by id, each read from the library at most once: a query over many
/// excerpts of one document (words in the excerpt, paragraphs, context) reads its text once.
/// Made afresh for each query, inside its read transaction, so it never serves a stale text.
import type { DocumentStore } from '../store/documents.ts';

export function textsOnce(documents: Pick<DocumentStore, 'text'>): (documentId: number) => string {
  const texts = new Map<number, string>();
  return (documentId) => {
    let text = texts.get(documentId);
    if (text === undefined) {
      text = documents.text(documentId) ?? '';
      texts.set(documentId, text);
    }
    return text;
  };
}
