/// Above the open document's text: its title (unless the text opens with it), date and
/// source with "Edit details" and whether the edits are saved, and the two mode switches (edit
/// the text, snap to statements) with a hint of what the keys do in the mode the analyst is in.
import { useEffect, useRef, useState } from 'react';
import type { LibraryDocument } from '../../common/types.ts';
import { SaveStatusLabel, type SaveStatusStore } from './SaveStatusLabel.tsx';
import { publishedDate } from './publishedDate.ts';
import { DocumentDetails, type DetailsChanges } from './DocumentDetails.tsx';

interface DocumentHeaderProps {
  document: LibraryDocument;
  /// Whether the text opens with a heading that is the title (it is not repeated then).
  titled: boolean;
  editing: boolean;
  snapping: boolean;
  saveStatus: SaveStatusStore;
  onEditing: (on: boolean) => void;
  onSnapping: (on: boolean) => void;
  /// Saves corrected details; rejects with the library's refusal (naming the field).
  onSaveDetails: (changes: DetailsChanges) => Promise<void>;
}

export function DocumentHeader({ document: doc, titled, editing, snapping, saveStatus, onEditing, onSnapping, onSaveDetails }: DocumentHeaderProps) {
  const [editingDetails, setEditingDetails] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const refocusEditButton = useRef(false);

  const closeDetails = () => {
    refocusEditButton.current = true;
    setEditingDetails(false);
  };
  // The button comes back when the form has gone; the focus returns to it then, whenever
  // React gets to that render (a frame callback could run before it, under load).
  useEffect(() => {
    if (editingDetails || !refocusEditButton.current) return;
    refocusEditButton.current = false;
    editButton.current?.focus();
  }, [editingDetails]);

  return (
    <header className="document-header">
      {!titled && <h1 className="document-title">{doc.title}</h1>}
      {editingDetails ? (
        <DocumentDetails
          document={doc}
          onSave={async (changes) => {
            await onSaveDetails(changes);
            closeDetails();
          }}
          onClose={closeDetails}
        />
      ) : (
        <>
          <p className="document-meta">
            {publishedDate(doc.published)}
            {doc.source && ` · ${doc.source}`}
            <button ref={editButton} type="button" className="quiet-button document-edit" aria-label={`Edit details of “${doc.title}”`} onClick={() => setEditingDetails(true)}>
              Edit details
            </button>
            <SaveStatusLabel store={saveStatus} />
          </p>
          <div className="document-modes">
            <button type="button" className="mode-button" aria-pressed={editing} onClick={() => onEditing(!editing)} title="Ctrl+E">
              {editing ? 'Done editing' : 'Edit text'}
            </button>
            <button type="button" className="mode-button" aria-pressed={snapping} onClick={() => onSnapping(!snapping)} title="M">
              Snap to statements
            </button>
            <p className="document-hint" aria-live="polite">
              {editing
                ? 'Editing the text: highlights follow every change · Escape or Ctrl+E to stop'
                : 'Select a passage, then a digit shortcut, T for the codebook or Ctrl+K to find a tag · ? lists every key'}
            </p>
          </div>
        </>
      )}
    </header>
  );
}
