/// The open document in a ProseMirror view: its text to read and select, its highlights,
/// and the tag picker beside a settled selection.
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import type { Node } from 'prosemirror-model';
import type { Annotation, LibraryDocument, Tag } from '../../common/types.ts';
import { textBlocks } from '../../common/text.ts';
import { highlightsPlugin, setHighlights } from './editor/highlights.ts';
import { readOnlyText } from './editor/readOnlyText.ts';
import { pendingQuotePlugin, setPendingQuote } from './editor/pendingQuote.ts';
import { tagPickerTrigger } from './editor/tagPickerTrigger.ts';
import { annotationRange, quoteBetween, type Quote } from './editor/ranges.ts';
import { TagPicker } from './TagPicker.tsx';
import type { PickerChoice } from './codebook.ts';
import { publishedDate } from './publishedDate.ts';
import { DocumentDetails, type DetailsChanges } from './DocumentDetails.tsx';

/// A document as stored, with its ProseMirror node (parsed once when it is opened).
export interface OpenDocument {
  document: LibraryDocument;
  node: Node;
}

/// What the rest of the app may ask of the view.
export interface DocumentViewHandle {
  /// Scrolls to an annotation and selects its passage.
  showAnnotation(annotation: Annotation): void;
}

interface DocumentViewProps {
  open: OpenDocument;
  annotations: readonly Annotation[];
  tags: readonly Tag[];
  onTag: (quote: Quote, choice: PickerChoice) => void;
  /// Saves corrected details; rejects with the library's refusal (naming the field).
  onSaveDetails: (changes: DetailsChanges) => Promise<void>;
  ref?: Ref<DocumentViewHandle>;
}

interface PickerState {
  quote: Quote;
  from: number;
  to: number;
  top: number;
  left: number;
}

const PICKER_WIDTH = 320; // px, as .tag-picker in styles.css

function editorAttributes(title: string): Record<string, string> {
  return {
    class: 'document-text',
    role: 'textbox',
    'aria-label': `Text of “${title}”`,
    'aria-readonly': 'true',
    'aria-multiline': 'true',
    spellcheck: 'false',
  };
}

export function DocumentView({ open, annotations, tags, onTag, onSaveDetails, ref }: DocumentViewProps) {
  const { document: doc, node } = open;
  const scrollRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const refocusEditButton = useRef(false);
  const [picker, setPicker] = useState<PickerState | null>(null);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  // The plugins outlive a render; they call the latest version of this through the ref.
  const openPicker = useRef((_view: EditorView) => {});
  useLayoutEffect(() => {
    openPicker.current = (view) => {
      const { from, to } = view.state.selection;
      const quote = quoteBetween(textBlocks(view.state.doc), doc.text, from, to);
      const scroller = scrollRef.current;
      if (!quote || !scroller) return;
      const end = view.coordsAtPos(to, -1);
      const box = scroller.getBoundingClientRect();
      const top = end.bottom - box.top + scroller.scrollTop + 8;
      const left = Math.max(12, Math.min(end.left - box.left - 24, box.width - PICKER_WIDTH - 24));
      view.dispatch(setPendingQuote(view.state, { from, to }));
      setPicker({ quote, from, to, top, left });
    };
  });

  useEffect(() => {
    const view = new EditorView(hostRef.current, {
      state: EditorState.create({
        doc: node,
        plugins: [
          readOnlyText(),
          highlightsPlugin({ annotations: [], tags: [] }),
          pendingQuotePlugin(),
          ...tagPickerTrigger((v) => openPicker.current(v)),
          keymap(baseKeymap),
        ],
      }),
      attributes: editorAttributes(doc.title),
    });
    viewRef.current = view;
    setPicker(null);
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // Only new text makes a new editor; new details (a corrected title) only relabel it, below.
  }, [node]);

  useEffect(() => {
    viewRef.current?.setProps({ attributes: editorAttributes(doc.title) });
  }, [node, doc.title]);

  useEffect(() => {
    const view = viewRef.current;
    if (view) view.dispatch(setHighlights(view.state, { annotations, tags }));
  }, [node, annotations, tags]);

  useImperativeHandle(ref, () => ({
    showAnnotation(annotation) {
      const view = viewRef.current;
      const scroller = scrollRef.current;
      if (!view || !scroller) return;
      const { from, to } = annotationRange(textBlocks(view.state.doc), annotation);
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
      view.focus();
      const box = scroller.getBoundingClientRect();
      const start = view.coordsAtPos(from, 1);
      const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
      scroller.scrollTo({ top: scroller.scrollTop + start.top - box.top - box.height / 3, behavior: reduceMotion ? 'auto' : 'smooth' });
    },
  }), []);

  const closePicker = (then: 'tagged' | 'back-to-text' | 'elsewhere') => {
    const view = viewRef.current;
    if (view && picker) {
      const tr = setPendingQuote(view.state, null);
      // After tagging, the selection steps aside so the new highlight shows in its colours.
      if (then === 'tagged') tr.setSelection(TextSelection.create(tr.doc, picker.to));
      view.dispatch(tr);
      if (then !== 'elsewhere') view.focus();
    }
    setPicker(null);
  };

  const closeDetails = () => {
    refocusEditButton.current = true;
    setEditing(false);
  };
  // The button comes back when the form has gone; the focus returns to it then, whenever
  // React gets to that render (a frame callback could run before it, under load).
  useEffect(() => {
    if (editing || !refocusEditButton.current) return;
    refocusEditButton.current = false;
    editButton.current?.focus();
  }, [editing]);

  const applied = picker ? annotations.find((a) => a.start === picker.quote.start && a.end === picker.quote.end)?.tagIds ?? [] : [];

  // Imported documents usually open with their title as a heading: it is not repeated above.
  const first = node.firstChild;
  const titled = first?.type.name === 'heading' && first.textContent.trim() === doc.title.trim();

  return (
    <article className="document" aria-label={doc.title}>
      <div className="document-scroll" ref={scrollRef}>
        <div className="document-page">
          <header className="document-header">
            {!titled && <h1 className="document-title">{doc.title}</h1>}
            {editing ? (
              <DocumentDetails
                document={doc}
                onSave={async (changes) => {
                  await onSaveDetails(changes);
                  closeDetails();
                }}
                onClose={closeDetails}
              />
            ) : (
              <>
                <p className="document-meta">
                  {publishedDate(doc.published)}
                  {doc.source && ` · ${doc.source}`}
                  <button ref={editButton} type="button" className="quiet-button document-edit" aria-label={`Edit details of “${doc.title}”`} onClick={() => setEditing(true)}>
                    Edit details
                  </button>
                </p>
                <p className="document-hint">Select a passage to tag it · with a selection, T or Enter opens the codebook</p>
              </>
            )}
          </header>
          <div ref={hostRef} />
        </div>
        {picker && (
          <TagPicker
            key={`${picker.from}-${picker.to}`}
            tags={tags}
            applied={applied}
            quote={picker.quote.exact}
            position={{ top: picker.top, left: picker.left }}
            onChoose={(choice) => {
              closePicker('tagged');
              onTag(picker.quote, choice);
            }}
            onClose={(refocus) => closePicker(refocus ? 'back-to-text' : 'elsewhere')}
          />
        )}
      </div>
    </article>
  );
}
