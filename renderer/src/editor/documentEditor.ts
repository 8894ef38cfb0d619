/// The open document's editor: its text with the highlights drawn over it, one history for
/// coding and text edits, coding mode (single keys) and editing mode, the tag picker and
/// statement selection. DocumentView builds it; the editor benchmarks build the same state.
import { EditorState, Plugin } from 'prosemirror-state';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import type { Tag, TextHighlight } from '../../../common/types.ts';
import { textBlocks } from '../../../common/text.ts';
import type { Highlight } from './codingStep.ts';
import { codingPlugin } from './coding.ts';
import { highlightsPlugin } from './highlights.ts';
import { pendingQuotePlugin } from './pendingQuote.ts';
import { textEditing } from './textEditing.ts';
import { codingKeys, type CodingKeyActions } from './codingKeys.ts';
import { tagPickerTrigger } from './tagPickerTrigger.ts';
import { snapToStatementPlugin } from './statementSelection.ts';
import { annotationRange } from './ranges.ts';
import { syncSelectionFromDOM } from './domSelection.ts';

/// What the editor asks of the window around it.
export interface EditorActions extends CodingKeyActions {
  isSnapping(): boolean;
  toggleEditing(): void;
  openPicker(view: EditorView): void;
  openPalette(view: EditorView): boolean;
}

export function documentEditorState(doc: Node, highlights: readonly Highlight[], tags: readonly Tag[], actions: EditorActions): EditorState {
  return EditorState.create({ doc, plugins: documentEditorPlugins(highlights, tags, actions) });
}

function documentEditorPlugins(highlights: readonly Highlight[], tags: readonly Tag[], actions: EditorActions): Plugin[] {
  return [
    // In coding mode a key may come before ProseMirror heard of the browser's last caret move
    // (Ctrl+Home): every key handler below works from the selection on the page. Not while
    // editing: there the page may hold typed text ProseMirror has not read yet, and a selection
    // read from it would put the next character in the wrong place.
    new Plugin({
      props: {
        handleKeyDown: (view) => {
          if (!actions.isEditing()) syncSelectionFromDOM(view);
          return false;
        },
      },
    }),
    // The coding state comes before the drawing, which reads it.
    codingPlugin(highlights),
    highlightsPlugin(tags),
    pendingQuotePlugin(),
    history(),
    textEditing(actions.isEditing),
    keymap({
      'Mod-z': undo,
      'Mod-Shift-z': redo,
      'Mod-y': redo,
      'Mod-e': () => {
        actions.toggleEditing();
        return true;
      },
      'Mod-k': (_state, _dispatch, view) => (view ? actions.openPalette(view) : false),
    }),
    codingKeys(actions),
    // While the analyst edits the text, a click places the cursor.
    snapToStatementPlugin(() => actions.isSnapping() && !actions.isEditing()),
    ...tagPickerTrigger(actions.openPicker, () => !actions.isEditing()),
    keymap(baseKeymap),
  ];
}

/// The editor's attributes: its role and name for assistive technology, and whether it is being edited.
export function editorAttributes(title: string, editing: boolean): Record<string, string> {
  return {
    class: `document-text${editing ? ' is-editing' : ''}`,
    role: 'textbox',
    'aria-label': `Text of “${title}”`,
    'aria-readonly': editing ? 'false' : 'true',
    'aria-multiline': 'true',
    spellcheck: editing ? 'true' : 'false',
  };
}

/// The stored highlights as the editor holds them.
export function highlightsOf(doc: Node, annotations: readonly TextHighlight[]): Highlight[] {
  const blocks = textBlocks(doc);
  return annotations.map((a) => ({ key: a.id, ...annotationRange(blocks, a), tagIds: a.tagIds, note: a.note }));
}
