/// The codebook next to the selection: type to filter, arrows to move, Enter to apply,
/// "Create tag …" for a name the codebook lacks, Escape to leave.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Tag } from '../../common/types.ts';
import { codebookTree } from './codebook.ts';
import { pickerChoices, type PickerChoice } from './pickerChoices.ts';
import { useActiveOption } from './useActiveOption.ts';

interface TagPickerProps {
  tags: readonly Tag[];
  /// Tags the highlight on exactly this passage already carries.
  applied: readonly number[];
  quote: string;
  position: { top: number; left: number };
  onChoose: (choice: PickerChoice) => void;
  /// `refocus`: the analyst pressed Escape and goes back to the text (not so when the
  /// focus left for somewhere else).
  onClose: (refocus: boolean) => void;
}

export function TagPicker({ tags, applied, quote, position, onChoose: choose, onClose: close }: TagPickerProps) {
  // Choosing moves the focus back to the text; the blur that follows is not a second close.
  const done = useRef(false);
  const onChoose = (choice: PickerChoice) => {
    done.current = true;
    choose(choice);
  };
  const onClose = (refocus: boolean) => {
    if (done.current) return;
    done.current = true;
    close(refocus);
  };
  const [query, setQuery] = useState('');
  const entries = useMemo(() => codebookTree(tags), [tags]);
  const choices = useMemo(() => pickerChoices(tags, entries, query), [tags, entries, query]);
  const { activeIndex, arrowKey, filterProps, listProps, optionProps } = useActiveOption(choices.length);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      const choice = choices[activeIndex];
      if (choice) onChoose(choice);
    } else if (event.key === 'Escape') {
      onClose(true);
    } else if (!arrowKey(event.key)) {
      return;
    }
    event.preventDefault();
  };

  return (
    <div
      className="tag-picker floating-panel"
      role="dialog"
      aria-label="Tag the selected passage"
      style={{ top: position.top, left: position.left }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onClose(false);
      }}
    >
      <p className="tag-picker-quote">{quote}</p>
      <input
        autoFocus
        className="tag-picker-filter"
        aria-label="Find or create a tag"
        placeholder="Find or create a tag…"
        {...filterProps(query, setQuery)}
        onKeyDown={onKeyDown}
      />
      <ul {...listProps} className="tag-picker-list" aria-label="Codebook">
        {choices.map((choice, i) => (
          <li
            key={choice.kind === 'tag' ? choice.entry.tag.id : 'create'}
            {...optionProps(i)}
            className={`tag-option${choice.kind === 'create' ? ' tag-option-create' : ''}`}
            onClick={() => onChoose(choice)}
          >
            {choice.kind === 'tag' ? (
              <TagOptionLabel choice={choice} filtering={query.trim() !== ''} applied={applied.includes(choice.entry.tag.id)} />
            ) : (
              <span>Create tag “{choice.name}”</span>
            )}
          </li>
        ))}
      </ul>
      {choices.length === 0 && <p className="tag-picker-empty">The codebook is empty: type a name to create a tag.</p>}
    </div>
  );
}

function TagOptionLabel({ choice, filtering, applied }: { choice: Extract<PickerChoice, { kind: 'tag' }>; filtering: boolean; applied: boolean }) {
  const { tag, depth, path } = choice.entry;
  const parents = path.slice(0, path.length - tag.name.length);
  return (
    <span className="tag-option-label" style={{ paddingInlineStart: `${(filtering ? 0 : depth) * 1.1}rem` }}>
      <span className="tag-swatch" style={{ backgroundColor: tag.color }} aria-hidden="true" />
      {filtering && parents && <span className="tag-option-path">{parents}</span>}
      <span className="tag-option-name">{tag.name}</span>
      {applied && <span className="tag-option-applied">applied</span>}
    </span>
  );
}
