/// editor.keystroke's baseline: an editor that carries the highlights through each edit as
/// the app does (coding plugin, pinHighlights, history, editing mode, base keymap) but throws
/// its decorations away on every transaction and builds them all again with the app's
/// `highlightDecorations`.
import type { Node } from 'prosemirror-model';
import { EditorState, Plugin, PluginKey } from 'prosemirror-state';
import { EditorView, type DecorationSet } from 'prosemirror-view';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import type { Annotation, Tag } from '../../common/types.ts';
import { codingPlugin, codingState } from '../../renderer/src/editor/coding.ts';
import { highlightsOf } from '../../renderer/src/editor/documentEditor.ts';
import { highlightDecorations } from '../../renderer/src/editor/highlights.ts';
import { pinHighlights } from '../../renderer/src/editor/pinHighlights.ts';
import { textEditing } from '../../renderer/src/editor/textEditing.ts';

const rebuiltKey = new PluginKey<DecorationSet>('bench-rebuilt-highlights');

/// An editable view of `doc` in `place` whose highlights are redrawn whole on every transaction.
export function createRebuildingEditor(place: HTMLElement, doc: Node, annotations: readonly Annotation[], tags: readonly Tag[]): EditorView {
  const plugins = [codingPlugin(highlightsOf(doc, annotations)), rebuildingHighlights(tags), history(), textEditing(() => true), keymap(baseKeymap)];
  const view: EditorView = new EditorView(place, {
    state: EditorState.create({ doc, plugins }),
    attributes: { class: 'document-text', spellcheck: 'false' },
    dispatchTransaction(tr) {
      view.updateState(view.state.applyTransaction(pinHighlights(view.state, tr)).state);
    },
  });
  return view;
}

function rebuildingHighlights(tags: readonly Tag[]): Plugin<DecorationSet> {
  const colors = new Map(tags.map((tag) => [tag.id, tag.color]));
  const draw = (state: EditorState) => highlightDecorations(state.doc, [...codingState(state).highlights.values()], colors);
  return new Plugin<DecorationSet>({
    key: rebuiltKey,
    state: {
      init: (_config, state) => draw(state),
      apply: (_tr, _set, _old, state) => draw(state),
    },
    props: {
      decorations: (state) => rebuiltKey.getState(state),
    },
  });
}
