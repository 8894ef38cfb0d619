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
      // A typed character goes in as a transaction instead of by the browser's own editing:
      // in a long document the browser's typing command lays the page out dozens of times a
      // key, and ProseMirror would then read back from the page what changed. (Composed input,
      // from an input method or a dead key, sends no keypress and takes the usual way.)
      handleKeyPress: (view, event) => {
        if (!isEditing() || view.composing || [...event.key].length !== 1 || /[\r\n\t]/.test(event.key)) return false;
        view.dispatch(view.state.tr.insertText(event.key).scrollIntoView());
        return true;
      },
      // Backspace and Delete within a paragraph, likewise: one character (a whole emoji or an
      // accented letter), by transaction. At a paragraph's edge the keymap joins paragraphs.
      handleKeyDown: (view, event) => {
        if (!isEditing() || view.composing || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
        if (event.key !== 'Backspace' && event.key !== 'Delete') return false;
        const { selection } = view.state;
        if (!selection.empty || !selection.$head.parent.isTextblock) return false;
        const { $head } = selection;
        const back = event.key === 'Backspace';
        const width = back
          ? graphemeBefore($head.parent.textBetween(0, $head.parentOffset))
          : graphemeAfter($head.parent.textBetween($head.parentOffset, $head.parent.content.size));
        if (width === 0) return false;
        const [from, to] = back ? [$head.pos - width, $head.pos] : [$head.pos, $head.pos + width];
        view.dispatch(view.state.tr.delete(from, to).scrollIntoView());
        return true;
      },
      handlePaste: () => !isEditing(),
      handleDrop: () => !isEditing(),
    },
  });
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/// The UTF-16 length of the last grapheme of `text` (0 when empty).
function graphemeBefore(text: string): number {
  // A grapheme is a few code points at most: the tail of the text is enough to segment.
  const tail = text.slice(-32);
  let last = '';
  for (const { segment } of graphemes.segment(tail)) last = segment;
  return last.length;
}

/// The UTF-16 length of the first grapheme of `text` (0 when empty).
function graphemeAfter(text: string): number {
  const [first] = graphemes.segment(text.slice(0, 32));
  return first?.segment.length ?? 0;
}
