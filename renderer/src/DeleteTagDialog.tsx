/// Asks before a tag is deleted, saying what goes with it: how many highlights lose the tag
/// (or one of its sub-tags) and which sub-tags are deleted too. The highlights themselves stay.
import { useEffect, useId, useRef, useState } from 'react';
import { asExcerptError } from '../../common/client.ts';
import { descendants, type TagNode } from './codebookTree.ts';
import { useModalDialog } from './useModalDialog.ts';

interface DeleteTagDialogProps {
  node: TagNode;
  /// Distinct highlights carrying the tag or a sub-tag; null while the count is unknown.
  affected: number | null;
  onDelete: () => Promise<void>;
  onClose: () => void;
}

export function DeleteTagDialog({ node, affected, onDelete, onClose }: DeleteTagDialogProps) {
  const id = useId();
  const dialog = useModalDialog();
  const cancel = useRef<HTMLButtonElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const subTags = descendants(node);
  const name = node.tag.name;

  useEffect(() => {
    // Deleting is the step to think twice about: the focus starts on Cancel.
    cancel.current?.focus();
  }, []);

  const confirm = async () => {
    setDeleting(true);
    setProblem(null);
    try {
      await onDelete();
    } catch (error) {
      setProblem(asExcerptError(error).message);
      setDeleting(false);
    }
  };

  return (
    <dialog ref={dialog} className="modal codebook-dialog" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-count`} onClose={onClose}>
      <h2 id={`${id}-heading`} className="codebook-dialog-heading">Delete “{name}”?</h2>
      <p id={`${id}-count`} className="codebook-dialog-count">{affectedSentence(affected, subTags.length > 0)}</p>
      {subTags.length > 0 && (
        <>
          <p>
            {subTags.length === 1 ? 'Its sub-tag is deleted with it:' : `Its ${subTags.length} sub-tags are deleted with it:`}
          </p>
          <ul className="codebook-dialog-tags" aria-label="Sub-tags deleted with it">
            {subTags.map((sub) => (
              <li key={sub.tag.id}>{sub.path}</li>
            ))}
          </ul>
        </>
      )}
      <p>This cannot be undone.</p>
      {problem && <p className="field-error" role="alert">{problem}</p>}
      <div className="codebook-dialog-actions">
        <button type="button" className="danger-button" disabled={deleting} onClick={() => void confirm()}>
          {deleting ? 'Deleting…' : subTags.length > 0 ? 'Delete tag and sub-tags' : 'Delete tag'}
        </button>
        <button ref={cancel} type="button" className="quiet-button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

function affectedSentence(affected: number | null, withSubTags: boolean): string {
  const carrying = withSubTags ? 'it or its sub-tags' : 'it';
  if (affected === null) return `Highlights that carry ${carrying} stay in their documents and lose ${withSubTags ? 'these tags' : 'the tag'}.`;
  if (affected === 0) return `No highlight carries ${carrying}.`;
  const count = affected === 1 ? '1 highlight carries' : `${affected} highlights carry`;
  return `${count} ${carrying}; ${affected === 1 ? 'it stays' : 'they stay'} in ${affected === 1 ? 'its document' : 'their documents'} without ${withSubTags ? 'these tags' : 'the tag'}.`;
}
