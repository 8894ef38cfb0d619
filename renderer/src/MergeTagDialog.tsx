/// Merging one tag into another, in two steps: choose the tag to merge into (type to filter
/// the codebook by name or path), then confirm a sentence that says what will happen.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Tag } from '../../common/types.ts';
import { asExcerptError } from '../../common/client.ts';
import { codebookTree, type CodebookEntry } from './codebook.ts';
import { pickerChoices } from './pickerChoices.ts';
import { useActiveOption } from './useActiveOption.ts';
import { subtreeIds, type TagNode } from './codebookTree.ts';
import { useModalDialog } from './useModalDialog.ts';

interface MergeTagDialogProps {
  /// The tag that goes; its highlights and sub-tags pass to the chosen one.
  from: TagNode;
  tags: readonly Tag[];
  /// Highlights carrying `from` itself; null while the count is unknown.
  highlights: number | null;
  onMerge: (into: Tag) => Promise<void>;
  onClose: () => void;
}

export function MergeTagDialog({ from, tags, highlights, onMerge, onClose }: MergeTagDialogProps) {
  const id = useId();
  const dialog = useModalDialog();
  const [query, setQuery] = useState('');
  const [into, setInto] = useState<CodebookEntry | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);

  // Merging into one of its own sub-tags would put that sub-tag under itself: they are not offered.
  const entries = useMemo(() => {
    const own = new Set(subtreeIds(from));
    return codebookTree(tags).filter((entry) => !own.has(entry.tag.id));
  }, [tags, from]);
  const choices = useMemo(
    () => pickerChoices(tags, entries, query).flatMap((choice) => (choice.kind === 'tag' ? [choice.entry] : [])),
    [tags, entries, query],
  );
  const { activeIndex, arrowKey, filterProps, listProps, optionProps } = useActiveOption(choices.length);

  const choose = (entry: CodebookEntry | undefined) => {
    if (!entry) return;
    setInto(entry);
    setProblem(null);
  };

  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') choose(choices[activeIndex]);
    else if (!arrowKey(event.key)) return;
    event.preventDefault();
  };

  const confirm = async () => {
    if (!into) return;
    setMerging(true);
    setProblem(null);
    try {
      await onMerge(into.tag);
    } catch (error) {
      setProblem(asExcerptError(error).message);
      setMerging(false);
    }
  };

  const name = from.tag.name;
  return (
    <dialog ref={dialog} className="modal codebook-dialog" aria-labelledby={`${id}-heading`} onClose={onClose}>
      {into === null ? (
        <>
          <h2 id={`${id}-heading`} className="codebook-dialog-heading">Merge “{name}” into…</h2>
          <input
            autoFocus
            className="tag-picker-filter"
            aria-label="Find the tag to merge into"
            placeholder="Type a tag's name…"
            {...filterProps(query, setQuery)}
            onKeyDown={onFilterKeyDown}
          />
          <ul {...listProps} className="tag-picker-list" aria-label="Tags to merge into">
            {choices.map((entry, i) => (
              <li
                key={entry.tag.id}
                {...optionProps(i)}
                className="tag-option"
                onClick={() => choose(entry)}
              >
                <span className="tag-option-label">
                  <span className="tag-swatch" style={{ backgroundColor: entry.tag.color }} aria-hidden="true" />
                  <span className="tag-option-name">{entry.path}</span>
                </span>
              </li>
            ))}
          </ul>
          {choices.length === 0 && <p className="tag-picker-empty">No other tag matches. Clear the filter, or cancel.</p>}
          <div className="codebook-dialog-actions">
            <button type="button" className="quiet-button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 id={`${id}-heading`} className="codebook-dialog-heading">Merge “{name}” into “{into.tag.name}”?</h2>
          <p className="codebook-dialog-count">{mergeSentence(from, into.tag.name, highlights)}</p>
          {problem && <p className="field-error" role="alert">{problem}</p>}
          <div className="codebook-dialog-actions">
            <button type="button" className="danger-button" autoFocus disabled={merging} onClick={() => void confirm()}>
              {merging ? 'Merging…' : 'Merge'}
            </button>
            <button type="button" className="quiet-button" onClick={() => setInto(null)}>
              Back
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

// “A” (12 highlights) will be merged into “B”; A's sub-tags move under B. This cannot be undone.
function mergeSentence(from: TagNode, into: string, highlights: number | null): string {
  const name = from.tag.name;
  const count = highlights === null ? '' : ` (${highlights} highlight${highlights === 1 ? '' : 's'})`;
  // "Mandates' sub-tags", "Cooperation's sub-tags".
  const whose = name.endsWith('s') ? `${name}'` : `${name}'s`;
  const subTags = from.children.length > 0 ? `; ${whose} sub-tags move under ${into}` : '';
  return `“${name}”${count} will be merged into “${into}”${subTags}. This cannot be undone.`;
}
