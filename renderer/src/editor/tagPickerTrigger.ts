/// When to offer the tag picker: once a mouse selection is settled (the button released), or
/// on `t` / Enter over a selection. A selection made with Shift+arrows opens nothing by itself:
/// the keyboard goes on to a digit shortcut, the palette or `t`.
/// Only in coding mode (`active`): while the analyst edits the text, selecting is for editing.
import { Plugin } from 'prosemirror-state';
import { keymap } from 'prosemirror-keymap';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { syncSelectionFromDOM } from './domSelection.ts';

const DOUBLE_CLICK_WAIT = 350; // ms

export function tagPickerTrigger(open: (view: EditorView) => void, active: () => boolean): Plugin[] {
  const openOnSelection: Command = (state, _dispatch, view) => {
    if (!active() || state.selection.empty || !view) return false;
    open(view);
    return true;
  };
  const settled = (view: EditorView) => {
    if (view.isDestroyed || !view.hasFocus() || !active()) return;
    syncSelectionFromDOM(view);
    if (!view.state.selection.empty) open(view);
  };
  const watcher = new Plugin({
    view(view) {
      let dragging = false;
      let downAt = { x: 0, y: 0 };
      let pending: ReturnType<typeof setTimeout> | undefined;
      const down = (event: MouseEvent) => {
        // A second click (of a double-click) replaces what the first one selected.
        clearTimeout(pending);
        dragging = event.button === 0;
        downAt = { x: event.clientX, y: event.clientY };
      };
      // Listened on the whole page: a drag may end outside the editor.
      const up = (event: MouseEvent) => {
        if (!dragging) return;
        dragging = false;
        // A plain click leaves the selection collapsed: nothing to tag. Decided now, not in the
        // timeout, or keys pressed meanwhile (Shift+arrows after the click) would count as the drag.
        if ((view.root as Document).getSelection()?.isCollapsed !== false) return;
        // ProseMirror reads the final DOM selection on the browser's selectionchange, after mouseup.
        // A click that selected something (a statement, in snap mode) may be the first of a
        // double-click: the picker waits until a second one would have come.
        const click = Math.hypot(event.clientX - downAt.x, event.clientY - downAt.y) < 4 && event.detail === 1;
        pending = setTimeout(() => settled(view), click ? DOUBLE_CLICK_WAIT : 0);
      };
      view.dom.addEventListener('mousedown', down);
      document.addEventListener('mouseup', up);
      return {
        destroy() {
          view.dom.removeEventListener('mousedown', down);
          document.removeEventListener('mouseup', up);
          clearTimeout(pending);
        },
      };
    },
  });
  return [keymap({ t: openOnSelection, Enter: openOnSelection }), watcher];
}
