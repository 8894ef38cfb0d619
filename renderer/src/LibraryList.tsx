/// The library: the documents the filters let through, newest first (the order listDocuments
/// gives), with how many highlights each holds and how many wait for review; above them, the
/// ways to import, the full-text search and the filters.
import type { ReactNode } from 'react';
import type { DocumentSummary } from '../../common/types.ts';
import { publishedDate } from './publishedDate.ts';

interface LibraryListProps {
  documents: readonly DocumentSummary[] | null;
  openId: number | null;
  onOpen: (id: number) => void;
  /// The import buttons and, while an import runs, its progress.
  importing: ReactNode;
  /// The full-text search box; while a search has `found` documents, they stand in place of the list.
  search: ReactNode;
  found: ReactNode | null;
  /// The filter bar; `filtered` says whether it narrows the list.
  filters: ReactNode;
  filtered: boolean;
  onClearFilters: () => void;
}

export function LibraryList({ documents: listed, openId, onOpen, importing, search, found, filters, filtered, onClearFilters }: LibraryListProps) {
  const searching = found !== null;
  const documents = searching ? null : listed;
  return (
    <nav className="library" aria-labelledby="library-heading">
      <div className="library-top">
        <h2 id="library-heading" className="column-heading">
          Library
        </h2>
        {importing}
        {search}
        {!searching && filters}
      </div>
      {documents?.length === 0 && filtered && (
        <div className="empty-note library-no-match" role="status">
          <p>No document matches these filters.</p>
          <button type="button" className="import-button" onClick={onClearFilters}>
            Clear filters
          </button>
        </div>
      )}
      {documents?.length === 0 && !filtered && (
        <p className="empty-note">
          The library is empty. Import press releases with the buttons above, or drop files and folders on the window.
        </p>
      )}
      {found}
      <ul className="library-list">
        {documents?.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="library-item"
              aria-current={d.id === openId ? 'page' : undefined}
              onClick={() => onOpen(d.id)}
            >
              <span className="library-title">{d.title}</span>
              <span className="library-meta">
                {publishedDate(d.published)}
                {d.source && ` · ${d.source}`}
              </span>
              {d.reviewCount > 0 && (
                <span className="library-review">{d.reviewCount} to review</span>
              )}
              {d.annotationCount > 0 && (
                <span className="library-count" aria-label={`${d.annotationCount} highlight${d.annotationCount === 1 ? '' : 's'}`}>
                  {d.annotationCount}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
