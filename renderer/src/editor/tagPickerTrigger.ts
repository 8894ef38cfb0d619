/// When to offer the tag picker: once a selection is settled (the mouse button released,
/// or Shift let go after Shift+arrows or Shift+click), or on `t` / Enter over a selection.
import { Plugin, TextSelection } from 'prosemirror-state';
import { keymap } from 'prosemirror-keymap';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

export function tagPickerTrigger(open: (view: EditorView) => void): Plugin[] {
  const openOnSelection: Command = (state, _dispatch, view) => {
    if (state.selection.empty || !view) return false;
    open(view);
    return true;
  };
  const settled = (view: EditorView) => {
    if (view.isDestroyed || !view.hasFocus()) return;
    syncSelectionFromDOM(view);
    if (!view.state.selection.empty) open(view);
  };
  const watcher = new Plugin({
    view(view) {
      let dragging = false;
      const down = (event: MouseEvent) => {
        dragging = event.button === 0;
      };
      // Listened on the whole page: a drag may end outside the editor.
      const up = () => {
        if (!dragging) return;
        dragging = false;
        // A plain click leaves the selection collapsed: nothing to tag. Decided now, not in the
        // timeout, or keys pressed meanwhile (Shift+arrows after the click) would count as the drag.
        if ((view.root as Document).getSelection()?.isCollapsed !== false) return;
        // ProseMirror reads the final DOM selection on the browser's selectionchange, after mouseup.
        setTimeout(() => settled(view), 0);
      };
      const keyUp = (event: KeyboardEvent) => {
        if (event.key === 'Shift') settled(view);
      };
      view.dom.addEventListener('mousedown', down);
      view.dom.addEventListener('keyup', keyUp);
      document.addEventListener('mouseup', up);
      return {
        destroy() {
          view.dom.removeEventListener('mousedown', down);
          view.dom.removeEventListener('keyup', keyUp);
          document.removeEventListener('mouseup', up);
        },
      };
    },
  });
  return [keymap({ t: openOnSelection, Enter: openOnSelection }), watcher];
}

// ProseMirror learns of a selection made by the browser on the next selectionchange event,
// which may come after the key or button that ended it: read the DOM selection now.
function syncSelectionFromDOM(view: EditorView): void {
  const dom = (view.root as Document).getSelection();
  if (!dom || !dom.anchorNode || !dom.focusNode) return;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
  const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
  const { selection } = view.state;
  if (selection.anchor === anchor && selection.head === head) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
}
