/// The open document's highlights in reading order: the quote (click to see it in the
/// text), its tags, a note, and a way to delete it; below them, the highlights to review.
import { useMemo, useRef, useState } from 'react';
import type { Node } from 'prosemirror-model';
import type { ReviewItem, Tag, TextHighlight } from '../../common/types.ts';
import { textBlocks } from '../../common/text.ts';
import { quoteAt } from './editor/ranges.ts';
import { ReviewList } from './ReviewList.tsx';
import { shortQuote } from '../../common/quote.ts';
import { useWhenSeen } from './useWhenSeen.ts';

interface AnnotationListProps {
  annotations: readonly TextHighlight[] | null;
  /// The text as stored, which the annotations' offsets count into (their quotes are read there).
  text: Node | null;
  reviewItems: readonly ReviewItem[] | null;
  tags: readonly Tag[];
  onShow: (annotation: TextHighlight) => void;
  onDelete: (annotation: TextHighlight) => void;
  onRemoveTag: (annotation: TextHighlight, tagId: number) => void;
  onNote: (annotation: TextHighlight, note: string) => void;
  onDiscard: (item: ReviewItem) => void;
  onReattach: (item: ReviewItem) => void;
}

/// Highlights shown at first and added at a time: a screenful or two.
const PAGE = 25;

export function AnnotationList({ annotations, text, reviewItems, tags, onShow, onDelete, onRemoveTag, onNote, onDiscard, onReattach }: AnnotationListProps) {
  const tagById = new Map(tags.map((t) => [t.id, t]));
  const blocks = useMemo(() => (text ? textBlocks(text) : []), [text]);
  // A document may hold thousands of highlights: the list grows a page at a time as it is
  // scrolled (or "Show more" pressed), so opening the document and saving in it stay quick.
  const [shown, setShown] = useState(PAGE);
  const hidden = Math.max(0, (annotations?.length ?? 0) - shown);
  const more = useRef<HTMLButtonElement>(null);
  const showMore = () => setShown((n) => n + PAGE);
  useWhenSeen(more, showMore, hidden > 0);
  return (
    <aside className="annotations" aria-labelledby="annotations-heading">
      <h2 id="annotations-heading" className="column-heading">
        Highlights {annotations && annotations.length > 0 && <span className="heading-count">{annotations.length}</span>}
      </h2>
      {annotations?.length === 0 && <p className="empty-note">No highlights yet. Select a passage in the text to tag it.</p>}
      <ol className="annotation-list">
        {annotations?.slice(0, shown).map((a) => {
          const exact = text ? quoteAt(text, blocks, a) : '';
          const quote = shortQuote(exact);
          const own = a.tagIds.flatMap((id) => tagById.get(id) ?? []);
          return (
            <li key={a.id} className="annotation" data-annotation-id={a.id}>
              <button
                type="button"
                className="annotation-quote"
                style={{ borderInlineStartColor: own[0]?.color }}
                onClick={() => onShow(a)}
                title="Show in the text"
              >
                {exact}
              </button>
              <ul className="tag-chips" aria-label="Tags">
                {own.length === 0 && <li className="tag-chip tag-chip-none">No tag</li>}
                {own.map((tag) => (
                  <li key={tag.id} className="tag-chip">
                    <span className="tag-swatch" style={{ backgroundColor: tag.color }} aria-hidden="true" />
                    <span className="tag-chip-name">{tag.name}</span>
                    <button
                      type="button"
                      className="tag-chip-remove"
                      aria-label={`Remove tag ${tag.name} from “${quote}”`}
                      onClick={() => onRemoveTag(a, tag.id)}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
              <textarea
                className="annotation-note"
                aria-label={`Note on “${quote}”`}
                placeholder="Add a note…"
                rows={1}
                defaultValue={a.note}
                onBlur={(event) => {
                  if (event.target.value !== a.note) onNote(a, event.target.value);
                }}
              />
              <button type="button" className="annotation-delete quiet-button" aria-label={`Delete highlight “${quote}”`} onClick={() => onDelete(a)}>
                Delete
              </button>
            </li>
          );
        })}
      </ol>
      {hidden > 0 && (
        <button ref={more} type="button" className="quiet-button annotation-more" onClick={showMore}>
          Show {Math.min(PAGE, hidden)} more ({hidden.toLocaleString('en')} not shown)
        </button>
      )}
      {reviewItems && <ReviewList items={reviewItems} tags={tags} onDiscard={onDiscard} onReattach={onReattach} />}
    </aside>
  );
}
