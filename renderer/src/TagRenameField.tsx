/// The name of a tag as a text field in its row: Enter or leaving the field saves, Escape
/// cancels; a refusal (a sibling with that name) shows under it.
import { useId, useRef, useState } from 'react';
import type { Tag } from '../../common/types.ts';
import { asExcerptError } from '../../common/client.ts';

export function RenameField({ tag, onSave, onCancel }: { tag: Tag; onSave: (name: string) => Promise<void>; onCancel: () => void }) {
  const id = useId();
  const [name, setName] = useState(tag.name);
  const [problem, setProblem] = useState<string | null>(null);
  // Escape and Enter end the field; the blur that follows must not end it a second time.
  const ended = useRef(false);

  const save = async () => {
    if (ended.current) return;
    if (name.trim() === tag.name) {
      ended.current = true;
      return onCancel();
    }
    ended.current = true;
    try {
      await onSave(name);
    } catch (error) {
      ended.current = false;
      setProblem(asExcerptError(error).message);
    }
  };

  return (
    <span className="codebook-rename">
      <input
        autoFocus
        type="text"
        aria-label={`New name for “${tag.name}”`}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        spellCheck={false}
        autoComplete="off"
        value={name}
        onFocus={(event) => event.target.select()}
        onChange={(event) => setName(event.target.value)}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          // The tree's keys (arrows, Home, End, Delete) belong to the text field here.
          event.stopPropagation();
          if (event.key === 'Enter') {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            ended.current = true;
            onCancel();
          }
        }}
      />
      {problem && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

// A new tag starts with the palette colour fewest tags use.
