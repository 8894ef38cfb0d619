/// Full-text search over the library's texts: the box above the library list, and while it
/// holds a query, the documents found in place of the list, best first, each with a passage
/// where its words are marked. Choosing one opens the document at that passage.
import { useEffect, useId, useState } from 'react';
import { asExcerptError } from '../../common/client.ts';
import type { SearchHit } from '../../common/types.ts';
import { api } from './api.ts';
import { publishedDate } from './publishedDate.ts';

/// How long typing must pause before the library is searched.
const TYPING_PAUSE_MS = 150;
const SHOWN = 50;

/// What a query found: null while there is none; `problem` when the library refused it.
export interface SearchState {
  hits: SearchHit[] | null;
  problem: string | null;
}

/// Searches the library for `query` once typing pauses.
export function useLibrarySearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ hits: null, problem: null });
  useEffect(() => {
    if (query.trim() === '') {
      setState({ hits: null, problem: null });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.searchDocuments({ query, limit: SHOWN }).then(
        (hits) => current && setState({ hits, problem: null }),
        (error: unknown) => current && setState({ hits: null, problem: asExcerptError(error).message }),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  return state;
}

/// The search box, above the library list, with how many documents were found.
export function SearchBox({ query, onQuery, found }: { query: string; onQuery: (query: string) => void; found: SearchState }) {
  const id = useId();
  const { hits, problem } = found;
  return (
    <div className="library-search">
      <input
        type="search"
        className="library-search-input"
        aria-label="Search the library's texts"
        aria-describedby={`${id}-syntax`}
        placeholder="Search the texts"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query !== '') {
            event.preventDefault();
            onQuery('');
          }
        }}
      />
      <p id={`${id}-syntax`} className="visually-hidden">
        All words must occur. "Quoted words" for a phrase, a star after three letters for a prefix (negotiat*), OR and NOT in capitals.
      </p>
      {problem && <p className="field-error" role="alert">{problem}</p>}
      {hits && (
        <p className="library-search-count" role="status">
          {hits.length === 0 ? 'No text holds these words.' : hits.length === SHOWN ? `The ${SHOWN} best matches` : `${hits.length} ${hits.length === 1 ? 'document' : 'documents'}`}
        </p>
      )}
    </div>
  );
}

/// The documents found, best first, in place of the library list. `onOpen` gets the first
/// marked words of the chosen document's passage, to show it at.
export function SearchHits({ hits, onOpen }: { hits: readonly SearchHit[]; onOpen: (id: number, passage: string | null) => void }) {
  return (
    <ul className="library-list" aria-label="Documents found">
      {hits.map((hit) => (
        <li key={hit.id}>
          <button type="button" className="library-item search-hit" onClick={() => onOpen(hit.id, hit.snippet.find((part) => part.match)?.text ?? null)}>
            <span className="library-title">{hit.title}</span>
            <span className="library-meta">
              {publishedDate(hit.published)}
              {hit.source && ` · ${hit.source}`}
            </span>
            <span className="search-snippet">
              {hit.snippet.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
