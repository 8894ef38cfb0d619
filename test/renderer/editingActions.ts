/// The window around the editor reduced to what editing needs, for tests and the keystroke
/// benchmark: editing mode on, snap mode off, nothing to open.
import type { EditorActions } from '../../renderer/src/editor/documentEditor.ts';

export const editingActions: EditorActions = {
  isEditing: () => true,
  isSnapping: () => false,
  stopEditing: () => {},
  toggleEditing: () => {},
  toggleSnapping: () => {},
  applyShortcut: () => false,
  repeatLastTag: () => false,
  openNote: () => false,
  openPicker: () => {},
  openPalette: () => false,
};
