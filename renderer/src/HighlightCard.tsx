/// What a highlight says, shown while the mouse rests on it or the keyboard has selected it:
/// its tags (with their paths) and its note; several when highlights overlap there.
import type { Tag } from '../../common/types.ts';

export interface CardHighlight {
  key: number;
  tagIds: readonly number[];
  note: string;
}

interface HighlightCardProps {
  highlights: readonly CardHighlight[];
  tags: readonly Tag[];
  position: { top: number; left: number };
}

export function HighlightCard({ highlights, tags, position }: HighlightCardProps) {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  const path = (tag: Tag): string => {
    const parent = tag.parentId === null ? undefined : byId.get(tag.parentId);
    return parent ? `${path(parent)} › ${tag.name}` : tag.name;
  };
  return (
    <div className="highlight-card floating-panel" role="status" style={{ top: position.top, left: position.left }}>
      {highlights.map((highlight) => (
        <section key={highlight.key} className="highlight-card-item">
          <ul className="highlight-card-tags">
            {highlight.tagIds.flatMap((id) => byId.get(id) ?? []).map((tag) => (
              <li key={tag.id}>
                <span className="tag-swatch" style={{ backgroundColor: tag.color }} aria-hidden="true" />
                {path(tag)}
              </li>
            ))}
            {highlight.tagIds.length === 0 && <li className="highlight-card-untagged">No tag</li>}
          </ul>
          {highlight.note && <p className="highlight-card-note">{highlight.note}</p>}
        </section>
      ))}
    </div>
  );
}
