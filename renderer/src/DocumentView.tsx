/// The open document in a ProseMirror view: its text to read, select, code and (in editing
/// mode) correct, its highlights drawn over it, and the panels that open beside a selection
/// (tag picker, note) or over the page (command palette). The editor state is the truth while
/// the document is open; a DocumentSaver sends the library what changed.
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { DocumentEditsSaved, LibraryDocument, ReviewItem, Tag, TextHighlight } from '../../common/types.ts';
import { textBlocks } from '../../common/text.ts';
import { ExcerptError } from '../../common/errors.ts';
import { documentEditorState, editorAttributes, highlightsOf, type EditorActions } from './editor/documentEditor.ts';
import { applyTag, changeHighlight, codingState, exactlyOn, reattachHighlight, removeHighlight, selectedHighlight, takeInHighlights, trimmedSelection } from './editor/coding.ts';
import { setTagColors } from './editor/highlights.ts';
import { pinHighlights } from './editor/pinHighlights.ts';
import { syncSelectionFromDOM } from './editor/domSelection.ts';
import { setPendingQuote } from './editor/pendingQuote.ts';
import { annotationRange } from './editor/ranges.ts';
import { DocumentSaver, savesCompleted } from './documentSaver.ts';
import { saveStatusStore } from './SaveStatusLabel.tsx';
import { TagPicker } from './TagPicker.tsx';
import { CommandPalette } from './CommandPalette.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { HighlightCard } from './HighlightCard.tsx';
import type { PickerChoice } from './pickerChoices.ts';
import { shortQuote } from '../../common/quote.ts';
import type { DetailsChanges } from './DocumentDetails.tsx';
import { DocumentHeader } from './DocumentHeader.tsx';
import { panelBelow, type Anchored } from './panelPosition.ts';
import { api, callOutlivingPage } from './api.ts';
import { saveBeforeLeaving } from './unsavedEdits.ts';
import { firstPlace, showPassage, type Reveal } from './showPassage.ts';
import { useEditorMode } from './useEditorMode.ts';

/// A document as stored, with its text as a ProseMirror node (parsed when it is opened, the
/// editor's own after a save).
export interface OpenDocument {
  document: LibraryDocument;
  node: Node;
}

/// What the rest of the app may ask of the view; coding actions go through the editor so
/// that undo covers them.
export interface DocumentViewHandle {
  /// Scrolls to an annotation and selects its passage.
  showAnnotation(annotation: TextHighlight): void;
  removeHighlight(id: number): void;
  changeHighlight(id: number, changes: { tagIds?: number[]; note?: string }): void;
  /// Puts a review item back on the selected passage; false when nothing is selected.
  reattach(item: ReviewItem): boolean;
  /// A review item was discarded from the library.
  forget(id: number): void;
}

interface DocumentViewProps {
  open: OpenDocument;
  /// The document's placed highlights as the library holds them.
  annotations: readonly TextHighlight[];
  /// How many saves this window had completed (savesCompleted) when `annotations` was asked
  /// for: a list asked for before the latest save may lack the highlights that save made.
  annotationsAsOf: number;
  tags: readonly Tag[];
  /// Tags applied lately, the latest first ("repeat last tag" applies the first).
  recentTagIds: readonly number[];
  onTagUsed: (tagId: number) => void;
  /// Creates a tag by name or path ("Actors › Regulator"), with any missing parent.
  onCreateTag: (path: string) => Promise<Tag>;
  onSaved: (result: DocumentEditsSaved, doc: Node) => void;
  onError: (error: unknown) => void;
  /// Saves corrected details; rejects with the library's refusal (naming the field).
  onSaveDetails: (changes: DetailsChanges) => Promise<void>;
  /// Where to show the document once its text is shown: selected and scrolled into view.
  reveal: Reveal | null;
  ref?: Ref<DocumentViewHandle>;
}

interface PickerState extends Anchored {
  from: number;
  to: number;
  quote: string;
  applied: readonly number[];
}

interface NoteState extends Anchored {
  key: number;
  quote: string;
  note: string;
}

interface PaletteState {
  range: { from: number; to: number } | null;
  quote: string | null;
  applied: readonly number[];
}

interface CardState extends Anchored {
  keys: number[];
}

export function DocumentView(props: DocumentViewProps) {
  const { open, annotations, annotationsAsOf, tags, ref } = props;
  const { document: doc, node } = open;
  const scrollRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const saverRef = useRef<DocumentSaver | null>(null);
  /// Stops watching the saver's edits for the page's end (unsavedEdits.ts).
  const stopWatching = useRef<(() => void) | null>(null);
  /// The highlights list the editor was built from.
  const builtFrom = useRef<readonly TextHighlight[] | null>(null);
  const [picker, setPicker] = useState<PickerState | null>(null);
  const [palette, setPalette] = useState<PaletteState | null>(null);
  const [noteEditor, setNoteEditor] = useState<NoteState | null>(null);
  const [card, setCard] = useState<CardState | null>(null);
  const [saveStatus] = useState(saveStatusStore);
  const editing = useEditorMode();
  const snapping = useEditorMode();

  // The editor outlives a render: it reads the latest props through this ref.
  const latest = useRef({ props });
  useLayoutEffect(() => {
    latest.current = { props };
  });

  /// Before a transaction the analyst did not cause (new tag colours, a save's answer): in
  /// coding mode, take the caret the browser may have moved meanwhile (domSelection.ts). Not
  /// while editing, when the page may hold typed text ProseMirror has not read yet.
  const keepPageSelection = (view: EditorView) => {
    if (!editing.now()) syncSelectionFromDOM(view);
  };

  /// Where a panel opens under the end of a range, in the scroller's coordinates.
  const anchorBelow = (view: EditorView, to: number): Anchored | null => {
    const scroller = scrollRef.current;
    return scroller && panelBelow(scroller, view.coordsAtPos(to, -1), 8);
  };

  const quoteOf = (view: EditorView, range: { from: number; to: number }) => shortQuote(view.state.doc.textBetween(range.from, range.to, ' '));

  const appliedOn = (view: EditorView, range: { from: number; to: number }): readonly number[] =>
    exactlyOn(view.state, range)?.tagIds ?? [];

  const tagPassage = (view: EditorView, tagId: number, toggle: boolean, on?: { from: number; to: number }): boolean => {
    const done = applyTag(tagId, { toggle, on })(view.state, view.dispatch);
    if (done) latest.current.props.onTagUsed(tagId);
    return done;
  };

  const actions: EditorActions = {
    isEditing: () => editing.now(),
    isSnapping: () => snapping.now(),
    stopEditing: () => editing.set(false),
    toggleEditing: () => editing.set(!editing.now()),
    toggleSnapping: () => snapping.set(!snapping.now()),
    applyShortcut(view, key) {
      const tag = latest.current.props.tags.find((t) => t.shortcut === key);
      return tag ? tagPassage(view, tag.id, true) : false;
    },
    repeatLastTag(view) {
      const last = latest.current.props.recentTagIds[0];
      return last === undefined ? false : tagPassage(view, last, true);
    },
    openNote(view) {
      const highlight = selectedHighlight(view.state);
      const at = highlight && anchorBelow(view, highlight.to);
      if (!highlight || !at) return false;
      setCard(null);
      setNoteEditor({ key: highlight.key, quote: quoteOf(view, highlight), note: highlight.note, ...at });
      return true;
    },
    openPicker(view) {
      const range = trimmedSelection(view.state);
      const at = range && anchorBelow(view, range.to);
      if (!range || !at) return;
      view.dispatch(setPendingQuote(view.state, range));
      setCard(null);
      setPicker({ ...range, ...at, quote: quoteOf(view, range), applied: appliedOn(view, range) });
    },
    openPalette(view) {
      const range = trimmedSelection(view.state);
      if (range) view.dispatch(setPendingQuote(view.state, range));
      setCard(null);
      setPalette({ range, quote: range && quoteOf(view, range), applied: range ? appliedOn(view, range) : [] });
      return true;
    },
  };

  /// Shows the card of the highlight the keyboard selected (exactly its passage).
  const cardForSelection = (view: EditorView) => {
    const range = trimmedSelection(view.state);
    const highlight = range && selectedHighlight(view.state);
    const at = highlight && highlight.from === range.from && highlight.to === range.to && anchorBelow(view, highlight.to);
    setCard((shown) => (at ? { keys: [highlight.key], ...at } : shown === null ? shown : null));
  };

  useLayoutEffect(() => {
    const existing = viewRef.current;
    // The same text coming back (after our own save, or a reload) keeps the editor, its
    // selection and its history; only text changed elsewhere (a new revision) replaces it.
    // Nor does a reload that arrives while edits wait to be saved, or one that brings a text
    // this session saved itself (it can only be older than the editor's).
    const saverNow = saverRef.current;
    if (existing && (existing.state.doc.eq(node) || saverNow?.pending() || saverNow?.knows(latest.current.props.open.document.contentHash))) return;
    existing?.destroy();
    const { props: now } = latest.current;
    const saver = new DocumentSaver({
      documentId: now.open.document.id,
      baseHash: now.open.document.contentHash,
      savedDoc: node,
      saved: now.annotations,
      save: (args) => api.saveDocumentEdits(args),
      saveOutlivingPage: (args) => callOutlivingPage('saveDocumentEdits', args),
      onSaved: (result, doc) => latest.current.props.onSaved(result, doc),
      onError: (error) => latest.current.props.onError(error),
      onStatus: saveStatus.set,
    });
    saverRef.current = saver;
    stopWatching.current?.();
    stopWatching.current = saveBeforeLeaving(saver, () => latest.current.props.open.document.title);
    builtFrom.current = now.annotations;
    const view: EditorView = new EditorView(hostRef.current, {
      state: documentEditorState(node, highlightsOf(node, now.annotations), now.tags, actions),
      attributes: editorAttributes(now.open.document.title, false),
      // Typing waits for a pause before it is saved; leaving the text saves at once.
      handleDOMEvents: {
        blur: () => {
          void saver.flush();
          return false;
        },
      },
      dispatchTransaction(tr) {
        const { state, transactions } = view.state.applyTransaction(pinHighlights(view.state, tr));
        view.updateState(state);
        if (transactions.some((t) => t.docChanged)) saver.changed(state);
        if (transactions.some((t) => t.docChanged || t.selectionSet) && view.hasFocus()) cardForSelection(view);
      },
    });
    viewRef.current = view;
    setPicker(null);
    setPalette(null);
    setNoteEditor(null);
    editing.set(false);
  }, [node]);

  useEffect(() => {
    return () => {
      // Watched until this last save is done: a window closing meanwhile waits for it.
      const stop = stopWatching.current;
      void saverRef.current?.flush().finally(() => stop?.());
      viewRef.current?.destroy();
      viewRef.current = null;
    };
  }, []);

  useEffect(() => {
    viewRef.current?.setProps({ attributes: editorAttributes(doc.title, editing.on) });
  }, [node, doc.title, editing.on]);

  // The sidebar names highlights by their stored id; the editor by the key they were made under.
  const keyOf = (id: number) => saverRef.current?.keyOf(id) ?? id;
  const highlightRange = (view: EditorView, id: number) => codingState(view.state).highlights.get(keyOf(id));
  /// Selects and scrolls to the passage `rangeIn` finds in the text, when it finds one.
  const show = (rangeIn: (view: EditorView) => { from: number; to: number } | null | undefined) => {
    const view = viewRef.current;
    const range = view && rangeIn(view);
    if (view && scrollRef.current && range) showPassage(view, scrollRef.current, range);
  };

  useEffect(() => {
    const { reveal } = props;
    if (reveal) show((view) => ('passage' in reveal ? firstPlace(view.state.doc, reveal.passage) : highlightRange(view, reveal.highlightId)));
  }, [props.reveal]);

  // New colours, names or tags in the codebook redraw the highlights (not on the first render).
  const drawnTags = useRef(tags);
  useEffect(() => {
    const view = viewRef.current;
    if (!view || drawnTags.current === tags) return;
    drawnTags.current = tags;
    keepPageSelection(view);
    view.dispatch(setTagColors(view.state, tags));
  }, [tags]);

  // Highlights changed, added or deleted outside the editor (a merged tag, another window, the
  // command line) are taken in when nothing here waits to be saved; they are not steps to undo.
  // Only a list asked for after this window's latest save tells anything (an older one may not
  // hold what that save did), and the list the editor was built from tells nothing new.
  useEffect(() => {
    const view = viewRef.current;
    const saver = saverRef.current;
    if (!view || !saver || annotations === builtFrom.current || annotationsAsOf !== savesCompleted() || saver.pending()) return;
    const newer = saver.changedElsewhere(annotations);
    const deleted = saver.deletedElsewhere(annotations).map((id) => saver.keyOf(id));
    if (newer.length === 0 && deleted.length === 0) return;
    keepPageSelection(view);
    const tr = takeInHighlights(view.state, highlightsOf(view.state.doc, newer).map((h) => ({ ...h, key: saver.keyOf(h.key) })), deleted);
    saver.takeIn(newer);
    if (tr.docChanged) view.dispatch(tr);
  }, [annotations]);

  useImperativeHandle(ref, () => ({
    showAnnotation(annotation) {
      show((view) => highlightRange(view, annotation.id) ?? annotationRange(textBlocks(view.state.doc), annotation));
    },
    removeHighlight(id) {
      const view = viewRef.current;
      if (view) removeHighlight(keyOf(id))(view.state, view.dispatch);
    },
    changeHighlight(id, changes) {
      const view = viewRef.current;
      if (view) changeHighlight(keyOf(id), changes)(view.state, view.dispatch);
    },
    reattach(item) {
      const view = viewRef.current;
      return view ? reattachHighlight(item)(view.state, view.dispatch) : false;
    },
    forget(id) {
      saverRef.current?.forget(id);
    },
  }), []);

  /// Closes the panel over the selection; after tagging, the selection steps aside so the new
  /// highlight shows in its colours.
  const closePanel = (then: 'tagged' | 'back-to-text' | 'elsewhere', range?: { to: number } | null) => {
    const view = viewRef.current;
    if (view) {
      const tr = setPendingQuote(view.state, null);
      if (then === 'tagged' && range) tr.setSelection(TextSelection.create(tr.doc, Math.min(range.to, tr.doc.content.size)));
      view.dispatch(tr);
      if (then !== 'elsewhere') view.focus();
    }
    setPicker(null);
    setPalette(null);
    setNoteEditor(null);
  };

  /// Applies a tag to the passage the panel was opened on, once the tag exists (a new one is
  /// created first); the selection is the analyst's meanwhile.
  const applyToRange = async (range: { from: number; to: number }, choice: number | string, toggle: boolean) => {
    const textBefore = viewRef.current?.state.doc;
    try {
      const tagId = typeof choice === 'number' ? choice : (await latest.current.props.onCreateTag(choice)).id;
      const view = viewRef.current;
      if (!view) return;
      if (view.state.doc !== textBefore) {
        latest.current.props.onError(new ExcerptError('conflict', 'The text changed while the tag was being created, so it was not applied. Select the passage again and apply the tag.'));
        return;
      }
      keepPageSelection(view);
      tagPassage(view, tagId, toggle, range);
    } catch (error) {
      latest.current.props.onError(error);
    }
  };


  // Hovering a highlight shows its card; leaving it hides the card.
  const hover = (target: EventTarget | null, clientX: number) => {
    const element = target instanceof Element ? target.closest('.excerpt-highlight') : null;
    const scroller = scrollRef.current;
    if (!element || !scroller || picker || noteEditor) {
      if (card && !element) setCard(null);
      return;
    }
    const keys = (element.getAttribute('data-highlight-keys') ?? '').split(' ').map(Number).filter(Number.isFinite);
    if (card && String(card.keys) === String(keys)) return;
    setCard({ keys, ...panelBelow(scroller, { bottom: element.getBoundingClientRect().bottom, left: clientX }, 6) });
  };

  const view = viewRef.current;
  const cardHighlights = card && view ? card.keys.flatMap((key) => codingState(view.state).highlights.get(key) ?? []) : [];

  // Imported documents usually open with their title as a heading: it is not repeated above.
  const first = node.firstChild;
  const titled = first?.type.name === 'heading' && first.textContent.trim() === doc.title.trim();

  return (
    <article className="document" aria-label={doc.title}>
      <div
        className="document-scroll"
        ref={scrollRef}
        onMouseOver={(event) => hover(event.target, event.clientX)}
        onMouseLeave={() => setCard(null)}
      >
        <div className="document-page">
          <DocumentHeader
            document={doc}
            titled={titled}
            editing={editing.on}
            snapping={snapping.on}
            saveStatus={saveStatus}
            onEditing={(on) => editing.set(on)}
            onSnapping={(on) => snapping.set(on)}
            onSaveDetails={props.onSaveDetails}
          />
          <div ref={hostRef} />
        </div>
        {picker && (
          <TagPicker
            key={`${picker.from}-${picker.to}`}
            tags={tags}
            applied={picker.applied}
            quote={picker.quote}
            position={picker}
            onChoose={(choice: PickerChoice) => {
              closePanel('tagged', picker);
              void applyToRange(picker, choice.kind === 'create' ? choice.name : choice.entry.tag.id, false);
            }}
            onClose={(refocus) => closePanel(refocus ? 'back-to-text' : 'elsewhere')}
          />
        )}
        {noteEditor && (
          <NoteEditor
            key={noteEditor.key}
            quote={noteEditor.quote}
            note={noteEditor.note}
            position={noteEditor}
            onSave={(note) => {
              const current = viewRef.current;
              if (current) changeHighlight(noteEditor.key, { note })(current.state, current.dispatch);
              closePanel('back-to-text');
            }}
            onClose={() => closePanel('back-to-text')}
          />
        )}
        {card && cardHighlights.length > 0 && <HighlightCard highlights={cardHighlights} tags={tags} position={card} />}
      </div>
      {palette && (
        <CommandPalette
          tags={tags}
          recentTagIds={props.recentTagIds}
          applied={palette.applied}
          quote={palette.quote}
          onApply={(tagId) => {
            closePanel('tagged', palette.range);
            if (palette.range) void applyToRange(palette.range, tagId, true);
          }}
          onCreate={(path) => {
            closePanel('tagged', palette.range);
            if (palette.range) void applyToRange(palette.range, path, true);
            else props.onCreateTag(path).catch(props.onError);
          }}
          onClose={(returnFocus) => closePanel(returnFocus ? 'back-to-text' : 'elsewhere')}
        />
      )}
    </article>
  );
}
