/// Highlights of the open document waiting for the analyst: a re-issued text where they
/// could not be placed with confidence, or text deleted under them. Each keeps its old quote
/// (with the words around it), tags and note until the analyst puts it back on a passage
/// selected in the text, or discards it.
import type { ReviewItem, ReviewReason, Tag } from '../../common/types.ts';
import { shortQuote } from '../../common/quote.ts';

const reasons: Record<ReviewReason, string> = {
  revision: 'could not be placed in the new revision',
  deleted: 'its text was deleted',
};

interface ReviewListProps {
  items: readonly ReviewItem[];
  tags: readonly Tag[];
  onDiscard: (item: ReviewItem) => void;
  /// Puts the item back on the passage selected in the text.
  onReattach: (item: ReviewItem) => void;
}

export function ReviewList({ items, tags, onDiscard, onReattach }: ReviewListProps) {
  if (items.length === 0) return null;
  const tagById = new Map(tags.map((t) => [t.id, t]));
  return (
    <section className="review" aria-labelledby="review-heading">
      <h3 id="review-heading" className="column-heading review-heading">
        To review <span className="heading-count">({items.length})</span>
      </h3>
      <ol className="annotation-list review-list">
        {items.map((item) => {
          const quote = shortQuote(item.exact);
          const own = item.tagIds.flatMap((id) => tagById.get(id) ?? []);
          return (
            <li key={item.id} className="annotation review-item" data-review-id={item.id}>
              <blockquote className="review-quote" style={{ borderInlineStartColor: own[0]?.color }}>
                {item.prefix && <span className="review-context">…{item.prefix}</span>}
                <span className="review-exact">{item.exact}</span>
                {item.suffix && <span className="review-context">{item.suffix}…</span>}
              </blockquote>
              <p className="review-reason">{reasons[item.reason]}</p>
              {own.length > 0 && (
                <ul className="tag-chips" aria-label="Tags">
                  {own.map((tag) => (
                    <li key={tag.id} className="tag-chip tag-chip-static">
                      <span className="tag-swatch" style={{ backgroundColor: tag.color }} aria-hidden="true" />
                      <span className="tag-chip-name">{tag.name}</span>
                    </li>
                  ))}
                </ul>
              )}
              {item.note && <p className="review-note">{item.note}</p>}
              <div className="review-actions">
                <button
                  type="button"
                  className="quiet-button"
                  aria-label={`Re-attach “${quote}” to the selected passage`}
                  // Keeps the selection in the text: it is what the item goes back on.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onReattach(item)}
                >
                  Re-attach to selection
                </button>
                <button type="button" className="annotation-delete quiet-button" aria-label={`Discard “${quote}” from the review list`} onClick={() => onDiscard(item)}>
                  Discard
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
