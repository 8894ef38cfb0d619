/// The filter bar above the library list: documents with highlights waiting for review (the
/// line that says how many, shown while there are some), with a tag (its sub-tags included),
/// published within a date range, from one source; "Clear" shows every document again.
import { useMemo } from 'react';
import type { DocumentSource, ReviewSummary, Tag } from '../../common/types.ts';
import { codebookTree } from './codebook.ts';
import { isFiltered, type LibraryFilter } from './libraryFilter.ts';

interface LibraryFiltersProps {
  filter: LibraryFilter;
  tags: readonly Tag[];
  sources: readonly DocumentSource[];
  /// What waits in the library's review lists; null until the library has said.
  review: ReviewSummary | null;
  /// Why the library refused the filters (a range that ends before it starts), if it did.
  error: string | null;
  onChange: (filter: LibraryFilter) => void;
}

export function LibraryFilters({ filter, tags, sources, review, error, onChange }: LibraryFiltersProps) {
  const entries = useMemo(() => codebookTree(tags), [tags]);
  // A remembered source no document names any more still shows as chosen.
  const sourceNames = sources.map((s) => s.source);
  const set = (changes: Partial<LibraryFilter>) => {
    const next: LibraryFilter = { ...filter, ...changes };
    for (const key of Object.keys(next) as (keyof LibraryFilter)[]) if (next[key] === undefined) delete next[key];
    onChange(next);
  };
  const text = (value: string) => (value === '' ? undefined : value);

  return (
    <form className="library-filters" role="search" aria-label="Filter the library" onSubmit={(event) => event.preventDefault()}>
      {/* Still shown, pressed, when the last item is resolved under it: the analyst can see why the list is empty. */}
      {((review !== null && review.items > 0) || filter.toReview) && (
        <button
          type="button"
          className="library-review-toggle"
          aria-pressed={filter.toReview === true}
          title={filter.toReview ? 'Show every document again' : 'Show only the documents with highlights to review'}
          onClick={() => set({ toReview: filter.toReview ? undefined : true })}
        >
          {reviewLine(review)}
        </button>
      )}
      <label className="library-filter library-filter-wide">
        <span className="library-filter-label">Tag</span>
        <select
          aria-label="Filter by tag"
          value={filter.tagId ?? ''}
          onChange={(event) => set({ tagId: event.target.value === '' ? undefined : Number(event.target.value) })}
        >
          <option value="">All tags</option>
          {/* A remembered tag not (or not yet) in the codebook still shows as chosen. */}
          {filter.tagId !== undefined && !entries.some((e) => e.tag.id === filter.tagId) && (
            <option value={filter.tagId}>Tag {filter.tagId}</option>
          )}
          {entries.map((entry) => (
            <option key={entry.tag.id} value={entry.tag.id}>
              {entry.path}
            </option>
          ))}
        </select>
      </label>
      <label className="library-filter">
        <span className="library-filter-label">From</span>
        <input
          type="date"
          aria-label="Published from"
          aria-invalid={error ? true : undefined}
          value={filter.from ?? ''}
          max={filter.to}
          onChange={(event) => set({ from: text(event.target.value) })}
        />
      </label>
      <label className="library-filter">
        <span className="library-filter-label">To</span>
        <input
          type="date"
          aria-label="Published to"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'library-filter-error' : undefined}
          value={filter.to ?? ''}
          min={filter.from}
          onChange={(event) => set({ to: text(event.target.value) })}
        />
      </label>
      <label className="library-filter library-filter-wide">
        <span className="library-filter-label">Source</span>
        <select aria-label="Filter by source" value={filter.source ?? ''} onChange={(event) => set({ source: text(event.target.value) })}>
          <option value="">All sources</option>
          {filter.source !== undefined && !sourceNames.includes(filter.source) && <option value={filter.source}>{filter.source}</option>}
          {sources.map((s) => (
            <option key={s.source} value={s.source}>
              {s.source} ({s.count})
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="quiet-button library-filters-clear" disabled={!isFiltered(filter)} onClick={() => onChange({})}>
        Clear
      </button>
      {error && (
        <p id="library-filter-error" className="field-error library-filters-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/// "3 highlights to review in 2 documents", or that none is left.
function reviewLine(review: ReviewSummary | null): string {
  if (!review || review.items === 0) return 'No highlights left to review';
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(review.items, 'highlight')} to review in ${plural(review.documents, 'document')}`;
}
