/// Coding mode (the default) keeps the text as it is while the analyst selects and tags with
/// single keys; editing mode (Mod+E) lets them fix it. Coding steps, undo and redo pass in
/// both modes, so one history covers coding and text edits.
import { Plugin } from 'prosemirror-state';
import { isHistoryTransaction } from 'prosemirror-history';
import { CodingStep } from './codingStep.ts';

export function textEditing(isEditing: () => boolean): Plugin {
  return new Plugin({
    filterTransaction: (tr) =>
      !tr.docChanged || isEditing() || isHistoryTransaction(tr) || tr.steps.every((step) => step instanceof CodingStep),
    props: {
      handleDOMEvents: {
        // The browser would change the DOM itself before ProseMirror could refuse the change.
        beforeinput: (_view, event) => {
          // Undo and redo from the Edit menu arrive as input events; the history plugin takes them.
          if (isEditing() || event.inputType === 'historyUndo' || event.inputType === 'historyRedo') return false;
          event.preventDefault();
          return true;
        },
      },
      handlePaste: () => !isEditing(),
      handleDrop: () => !isEditing(),
    },
  });
}
