/// ProseMirror learns of a selection the browser made (a click, Ctrl+Home) on the next
/// selectionchange event, which may come after the key or button that made it. A transaction
/// dispatched before then (a tag colour, a save's answer) would put ProseMirror's older
/// selection back on the page: reading the DOM selection first keeps the analyst's.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

export function syncSelectionFromDOM(view: EditorView): void {
  const dom = (view.root as Document).getSelection();
  if (!dom || !dom.anchorNode || !dom.focusNode) return;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
  const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  const { selection } = view.state;
  if (selection.anchor === anchor && selection.head === head) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
}
