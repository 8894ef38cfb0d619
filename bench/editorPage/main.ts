/// The page of the editor.keystroke benchmark, bundled by bundle.ts: mounts the measured
/// editor (measuredEditor.ts) or its baseline (rebuildingEditor.ts) on a document with its
/// highlights, places the cursor where the benchmark types next, and hands back the timings.
/// The benchmark drives it through `window.editorBench`.
import type { EditorView } from 'prosemirror-view';
import { TextSelection } from 'prosemirror-state';
import { docFromJson } from '../../common/schema.ts';
import { canonicalText, offsetToPos, textBlocks } from '../../common/text.ts';
import type { Annotation, Tag } from '../../common/types.ts';
import { timeKeystrokes, type KeystrokeTimer, type KeystrokeTimes } from './keystrokeTiming.ts';
import { createMeasuredEditor } from './measuredEditor.ts';
import { createRebuildingEditor } from './rebuildingEditor.ts';

/// Which editor a round types into: the app's (highlights mapped) or the baseline (rebuilt).
export type EditorVariant = 'mapped' | 'rebuilt';

/// What the benchmark can ask of the page.
export interface EditorBench {
  /// Replaces whatever editor the page holds with a new one of `variant`.
  mount(variant: EditorVariant, docJson: unknown, annotations: readonly Annotation[], tags: readonly Tag[]): void;
  /// Puts the cursor at an offset of the canonical text, scrolled into view, editor focused.
  placeCursor(offset: number): void;
  /// The keystrokes timed since the last call.
  take(): KeystrokeTimes;
  /// How many highlights have a decoration in the DOM.
  highlightsDrawn(): number;
  /// The editor's canonical text.
  text(): string;
}

declare global {
  interface Window {
    editorBench: EditorBench;
  }
}

let view: EditorView | null = null;
let timer: KeystrokeTimer | null = null;

const opened = (): EditorView => {
  if (!view) throw new Error('editorBench: mount an editor first.');
  return view;
};

window.editorBench = {
  mount(variant, docJson, annotations, tags) {
    view?.destroy();
    document.body.replaceChildren();
    // The app's layout around its text (styles.css): a scrolling column, a page of reading width.
    const scroll = document.body.appendChild(document.createElement('div'));
    scroll.className = 'document-scroll';
    const page = scroll.appendChild(document.createElement('div'));
    page.className = 'document-page';
    const create = variant === 'mapped' ? createMeasuredEditor : createRebuildingEditor;
    view = create(page, docFromJson(docJson), annotations, tags);
    timer = timeKeystrokes(view);
  },
  placeCursor(offset) {
    timer?.settle();
    const editor = opened();
    const pos = offsetToPos(textBlocks(editor.state.doc), offset);
    editor.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, pos)).scrollIntoView());
    editor.focus();
  },
  take: () => timer?.take() ?? { samples: [], unchanged: [] },
  highlightsDrawn() {
    const keys = new Set<string>();
    for (const span of opened().dom.querySelectorAll('.excerpt-highlight')) {
      for (const key of span.getAttribute('data-highlight-keys')?.split(' ') ?? []) keys.add(key);
    }
    return keys.size;
  },
  text: () => canonicalText(opened().state.doc),
};
