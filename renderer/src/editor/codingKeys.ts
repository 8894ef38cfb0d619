/// The single keys of coding mode (renderer/src/shortcuts.ts lists them for the analyst):
/// tag shortcuts, repeat, note, statements, snap mode, moving between highlights, removing
/// one. In editing mode they type, and only Escape (stop editing) is taken.
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { removeHighlight, selectedHighlight } from './coding.ts';
import { selectNeighbourHighlight } from './navigation.ts';
import { extendByStatement, selectStatement } from './statementSelection.ts';

/// What the keys ask of the rest of the app.
export interface CodingKeyActions {
  isEditing(): boolean;
  stopEditing(): void;
  /// Applies the tag whose shortcut is `key`; false when no tag has it.
  applyShortcut(view: EditorView, key: string): boolean;
  repeatLastTag(view: EditorView): boolean;
  openNote(view: EditorView): boolean;
  toggleSnapping(): void;
}

export function codingKeys(actions: CodingKeyActions): Plugin {
  return new Plugin({
    props: {
      handleKeyDown(view, event) {
        if (actions.isEditing()) {
          if (event.key !== 'Escape') return false;
          actions.stopEditing();
          return true;
        }
        const { state, dispatch } = view;
        if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
          if (event.key === 'ArrowRight') return extendByStatement(1)(state, dispatch);
          if (event.key === 'ArrowLeft') return extendByStatement(-1)(state, dispatch);
          return false;
        }
        if (event.ctrlKey || event.metaKey || event.altKey) return false;
        switch (event.key) {
          case '.':
            return actions.repeatLastTag(view);
          case 'n':
            return actions.openNote(view);
          case 's':
            return selectStatement(state, dispatch);
          case 'm':
            actions.toggleSnapping();
            return true;
          case ']':
            return selectNeighbourHighlight(1)(state, dispatch);
          case '[':
            return selectNeighbourHighlight(-1)(state, dispatch);
          case 'Delete':
          case 'Backspace': {
            const highlight = selectedHighlight(state);
            return highlight ? removeHighlight(highlight.key)(state, dispatch) : false;
          }
          default:
            return /^[0-9a-z]$/.test(event.key) && actions.applyShortcut(view, event.key);
        }
      },
    },
  });
}
