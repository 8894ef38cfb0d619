/// The editor the editor.keystroke benchmark measures, built in this one function: the app's
/// own editor state (renderer/src/editor/documentEditor.ts: the coding plugin that maps the
/// highlights through every edit, the highlights plugin that maps its DecorationSet and redraws
/// only the touched blocks, history, the keymaps) in editing mode, dispatching as DocumentView
/// does (pinHighlights ahead of each edit). What DocumentView adds around it (saving after a
/// pause in typing, the highlight card) is React's and the library's, not the editor's.
import type { Node } from 'prosemirror-model';
import { EditorView } from 'prosemirror-view';
import type { Annotation, Tag } from '../../common/types.ts';
import { documentEditorState, highlightsOf } from '../../renderer/src/editor/documentEditor.ts';
import { pinHighlights } from '../../renderer/src/editor/pinHighlights.ts';
import { editingActions } from '../../test/renderer/editingActions.ts';

/// An editable view of `doc` in `place` with its highlights drawn, in editing mode.
export function createMeasuredEditor(place: HTMLElement, doc: Node, annotations: readonly Annotation[], tags: readonly Tag[]): EditorView {
  const view: EditorView = new EditorView(place, {
    state: documentEditorState(doc, highlightsOf(doc, annotations), tags, editingActions),
    attributes: { class: 'document-text', spellcheck: 'false' },
    dispatchTransaction(tr) {
      view.updateState(view.state.applyTransaction(pinHighlights(view.state, tr)).state);
    },
  });
  return view;
}
