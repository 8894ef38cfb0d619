/// The library: every document, newest first (the order listDocuments gives), with how
/// many highlights each holds.
import type { DocumentSummary } from '../../common/types.ts';
import { publishedDate } from './publishedDate.ts';

interface LibraryListProps {
  documents: readonly DocumentSummary[] | null;
  openId: number | null;
  onOpen: (id: number) => void;
}

export function LibraryList({ documents, openId, onOpen }: LibraryListProps) {
  return (
    <nav className="library" aria-labelledby="library-heading">
      <h2 id="library-heading" className="column-heading">
        Library
      </h2>
      {documents?.length === 0 && (
        <p className="empty-note">
          The library is empty. Add press releases with <code>excerpt import FILE</code>.
        </p>
      )}
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
