/// What a query found: each excerpt quoted with the text around it, its document, date and
/// paragraph, its tags and its note; the document's title opens it at the highlight. ↑ and ↓
/// move between the excerpts, as J and K move between documents.
import type { KeyboardEvent } from 'react';
import type { FoundExcerpt, Tag } from '../../../common/types.ts';
import { publishedDate } from '../publishedDate.ts';
import { PAGE, type FoundState } from './useFoundExcerpts.ts';

interface ExcerptResultsProps {
  found: FoundState;
  tags: readonly Tag[];
  onOpen: (excerpt: FoundExcerpt) => void;
  onMore: () => void;
}

export function ExcerptResults({ found, tags, onOpen, onMore }: ExcerptResultsProps) {
  const tagById = new Map(tags.map((tag) => [tag.id, tag]));
  const { total, excerpts, problem, loading } = found;

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.excerpt-open')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return (
    <section className="excerpt-results" aria-label="Excerpts found" aria-busy={loading}>
      {problem ? (
        <p className="field-error" role="alert">{problem}</p>
      ) : (
        <p className="excerpt-count" role="status">{countLine(total, excerpts.length)}</p>
      )}
      <ol className="excerpt-list" onKeyDown={onKeyDown}>
        {excerpts.map((excerpt) => (
          <li key={excerpt.id} className="excerpt-item">
            <div className="excerpt-cite">
              <button type="button" className="excerpt-open" title="Open the document at this excerpt" onClick={() => onOpen(excerpt)}>
                {excerpt.title}
              </button>
              <span className="excerpt-where">
                {[excerpt.source, publishedDate(excerpt.published), `paragraph ${excerpt.paragraph}`].filter(Boolean).join(' · ')}
              </span>
            </div>
            <blockquote className="excerpt-quote">
              {excerpt.before}<mark className="excerpt-text">{excerpt.text}</mark>{excerpt.after}
            </blockquote>
            <ul className="excerpt-tags" aria-label="Tags">
              {excerpt.tagIds.map((tagId) => (
                <li key={tagId} className="tag-chip">
                  <span className="tag-swatch" style={{ backgroundColor: tagById.get(tagId)?.color ?? 'transparent' }} aria-hidden="true" />
                  {tagById.get(tagId)?.name ?? `Tag ${tagId}`}
                </li>
              ))}
            </ul>
            {excerpt.note && <p className="excerpt-note"><span className="visually-hidden">Note: </span>{excerpt.note}</p>}
          </li>
        ))}
      </ol>
      {total !== null && excerpts.length < total && (
        <button type="button" className="import-button excerpt-more" disabled={loading} onClick={onMore}>
          Show {Math.min(PAGE, total - excerpts.length)} more
        </button>
      )}
    </section>
  );
}

/// "12 excerpts", "No excerpt matches this query", "Showing 100 of 2,431 excerpts".
function countLine(total: number | null, shown: number): string {
  if (total === null) return 'Looking…';
  if (total === 0) return 'No excerpt matches this query.';
  const all = `${total.toLocaleString('en')} excerpt${total === 1 ? '' : 's'}`;
  return shown < total ? `Showing ${shown.toLocaleString('en')} of ${all}` : all;
}
