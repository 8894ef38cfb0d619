/// The library's documents: list them, open one, search them, correct their metadata.
import { ExcerptError } from '../../common/errors.ts';
import { ftsQuery } from '../search/ftsQuery.ts';
import { MATCH_CLOSE, MATCH_OPEN, snippetParts } from '../search/snippet.ts';
import type { Methods, ServiceContext } from './context.ts';

/// Search results returned when the caller does not ask for a number.
export const DEFAULT_SEARCH_LIMIT = 50;

/// listDocuments, listSources, getDocument, openDocument, searchDocuments, updateDocument.
export function documentMethods({ db, documents, annotations, write }: ServiceContext): Methods<'listDocuments' | 'listSources' | 'getDocument' | 'openDocument' | 'searchDocuments' | 'updateDocument'> {
  const opened = db.transaction((id: number) => {
    const document = documents.describe(id);
    if (!document) throw documentNotFound(id, 'id');
    return { document, annotations: annotations.onTextOf(id), reviewItems: annotations.inReview(id) };
  });

  return {
    // A tag that no longer exists has no documents: a filter remembered across its deletion shows none.
    listDocuments: (filter) => documents.listNewestFirst(filter),
    listSources: () => documents.sources(),

    updateDocument: ({ id, ...metadata }) => write('update', () => {
      if (!documents.exists(id)) throw documentNotFound(id, 'id');
      // A source cleared to nothing is no source.
      documents.updateMetadata(id, { ...metadata, source: metadata.source === '' ? null : metadata.source });
      return documents.describe(id)!;
    }),

    getDocument({ id }) {
      const document = documents.get(id);
      if (!document) throw documentNotFound(id, 'id');
      return document;
    },

    openDocument: ({ id }) => opened(id),

    searchDocuments({ query, limit = DEFAULT_SEARCH_LIMIT }) {
      const match = ftsQuery(query);
      if (!match) throw new ExcerptError('invalid-argument', 'Type a word or a number to search for; punctuation alone matches nothing.', 'query');
      let rows;
      try {
        rows = documents.search(match, limit, MATCH_OPEN, MATCH_CLOSE);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ExcerptError('invalid-argument', `Excerpt could not search for "${query}" (${reason}). Try plain words.`, 'query');
      }
      return rows.map(({ snippet, ...hit }) => ({ ...hit, snippet: snippetParts(snippet) }));
    },
  };
}

/// The error for a document id the library does not hold.
export function documentNotFound(id: number, field: string): ExcerptError {
  return new ExcerptError('not-found', `Document ${id} is not in the library (it may have been deleted). Reload the library and try again.`, field);
}
