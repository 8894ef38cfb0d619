/// The note (memo) on one highlight, written beside it: Ctrl/Cmd+Enter or Save keeps it,
/// Escape leaves it as it was.
import { useId, useState, type KeyboardEvent } from 'react';

interface NoteEditorProps {
  quote: string;
  note: string;
  position: { top: number; left: number };
  onSave: (note: string) => void;
  onClose: () => void;
}

export function NoteEditor({ quote, note, position, onSave, onClose }: NoteEditorProps) {
  const [text, setText] = useState(note);
  const id = useId();
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSave(text);
    }
  };
  return (
    <form
      className="note-editor floating-panel"
      role="dialog"
      aria-labelledby={`${id}-label`}
      style={{ top: position.top, left: position.left }}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(text);
      }}
      onKeyDown={keyDown}
    >
      <label id={`${id}-label`} htmlFor={`${id}-note`} className="note-editor-label">
        Note on “{quote}”
      </label>
      <textarea id={`${id}-note`} value={text} rows={4} autoFocus onChange={(event) => setText(event.target.value)} />
      <div className="note-editor-actions">
        <span className="note-editor-hint">Ctrl+Enter saves · Escape cancels</span>
        <button type="button" className="quiet-button" onClick={onClose}>Cancel</button>
        <button type="submit" className="primary-button">Save note</button>
      </div>
    </form>
  );
}
