/// The open document's highlights as editor state. Every text change maps them (so each is
/// carried exactly through an edit) and every coding action is a CodingStep in the same
/// transaction history, so undo and redo cover highlights and text alike.
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { CodingStep, type Highlight } from './codingStep.ts';
import { HighlightStore } from './highlightStore.ts';

export interface CodingState {
  highlights: HighlightStore;
  /// Highlights whose whole text an edit deleted: saved to the review list; undo brings them back.
  deletedByEdit: ReadonlyMap<number, Highlight>;
}

export const codingKey = new PluginKey<CodingState>('excerpt-coding');

export function codingPlugin(initial: readonly Highlight[]): Plugin<CodingState> {
  return new Plugin<CodingState>({
    key: codingKey,
    state: {
      init: () => ({ highlights: HighlightStore.of(initial), deletedByEdit: new Map() }),
      apply: (tr, state) => (tr.docChanged ? applySteps(tr, state) : state),
    },
  });
}

export function codingState(state: EditorState): CodingState {
  return codingKey.getState(state)!;
}

function applySteps(tr: Transaction, state: CodingState): CodingState {
  let { highlights } = state;
  let deletedByEdit = state.deletedByEdit;
  // Copied once, on the first change, so an untouched state stays the same object.
  let ownDeleted: Map<number, Highlight> | null = null;
  const writableDeleted = () => (ownDeleted ??= new Map(deletedByEdit));

  for (const step of tr.steps) {
    if (step instanceof CodingStep) {
      highlights = step.after ? highlights.with(step.after) : highlights.without(step.key);
      if (deletedByEdit.has(step.key)) writableDeleted().delete(step.key);
    } else {
      const mapped = highlights.mapThrough(step.getMap());
      highlights = mapped.store;
      for (const highlight of mapped.deleted) writableDeleted().set(highlight.key, highlight);
    }
    deletedByEdit = ownDeleted ?? deletedByEdit;
  }
  return highlights === state.highlights && deletedByEdit === state.deletedByEdit ? state : { highlights, deletedByEdit };
}

// New highlights get negative keys until the library gives them an id; unique for the session.
let lastNewKey = 0;
function newKey(): number {
  return --lastNewKey;
}

/// The selection without whitespace at its edges (a double-click or a drag often takes a
/// trailing space); null when nothing but whitespace is selected.
export function trimmedSelection(state: EditorState): { from: number; to: number } | null {
  let { from, to } = state.selection;
  const { doc } = state;
  const blankAt = (pos: number) => /^\s?$/.test(doc.textBetween(pos, pos + 1));
  while (from < to && blankAt(from)) from++;
  while (to > from && blankAt(to - 1)) to--;
  return to > from ? { from, to } : null;
}

/// The highlight the analyst is on: the one covering exactly the selection, else the
/// innermost one around the cursor or the selection.
export function selectedHighlight(state: EditorState): Highlight | null {
  const range = trimmedSelection(state) ?? { from: state.selection.from, to: state.selection.to };
  let inner: Highlight | null = null;
  for (const highlight of codingState(state).highlights.between(range.from, range.to)) {
    if (highlight.from === range.from && highlight.to === range.to) return highlight;
    const around = highlight.from <= range.from && highlight.to >= range.to && (range.from < range.to || (highlight.from < range.from && highlight.to > range.from));
    if (around && (!inner || highlight.to - highlight.from < inner.to - inner.from)) inner = highlight;
  }
  return inner;
}

/// Applies the tag to the selected passage: the highlight covering exactly that passage
/// takes it, else a new highlight is made. With `toggle` (shortcut keys, the palette),
/// applying a tag the highlight already carries takes it off again.
/// `on`: the passage to tag instead of the selection (a panel may finish after the selection moved).
export function applyTag(tagId: number, { toggle, on }: { toggle: boolean; on?: { from: number; to: number } }): Command {
  return (state, dispatch) => {
    const range = on ?? trimmedSelection(state);
    if (!range) return false;
    if (dispatch) {
      const existing = exactlyOn(state, range);
      if (!existing) {
        const key = newKey();
        dispatch(state.tr.step(new CodingStep(key, null, { key, ...range, tagIds: [tagId], note: '' })));
      } else {
        const carried = existing.tagIds.includes(tagId);
        if (carried && !toggle) return true;
        const tagIds = carried ? existing.tagIds.filter((id) => id !== tagId) : [...existing.tagIds, tagId];
        // A highlight left with no tag and no note has nothing to say: it goes.
        const after = tagIds.length === 0 && existing.note === '' ? null : { ...existing, tagIds };
        dispatch(state.tr.step(new CodingStep(existing.key, existing, after)));
      }
    }
    return true;
  };
}

/// The highlight covering exactly `range`, if any.
export function exactlyOn(state: EditorState, range: { from: number; to: number }): Highlight | undefined {
  return codingState(state).highlights.between(range.from, range.to).find((h) => h.from === range.from && h.to === range.to);
}

/// Changes a highlight's tags or note in one step.
export function changeHighlight(key: number, changes: { tagIds?: readonly number[]; note?: string }): Command {
  return (state, dispatch) => {
    const highlight = codingState(state).highlights.get(key);
    if (!highlight) return false;
    dispatch?.(state.tr.step(new CodingStep(key, highlight, { ...highlight, ...changes })));
    return true;
  };
}

export function removeHighlight(key: number): Command {
  return (state, dispatch) => {
    const highlight = codingState(state).highlights.get(key);
    if (!highlight) return false;
    dispatch?.(state.tr.step(new CodingStep(key, highlight, null)));
    return true;
  };
}

/// Puts a highlight from the review list back on the text, on the selected passage.
export function reattachHighlight(item: { id: number; tagIds: readonly number[]; note: string }): Command {
  return (state, dispatch) => {
    const range = trimmedSelection(state);
    if (!range || codingState(state).highlights.has(item.id)) return false;
    dispatch?.(state.tr.step(new CodingStep(item.id, null, { key: item.id, ...range, tagIds: item.tagIds, note: item.note })));
    return true;
  };
}

/// The transaction taking in highlights as the library holds them (changed, added or deleted
/// outside the editor: a merged tag, another window, the command line): one step for each
/// that differs, kept out of the undo history, since the analyst did not make them here.
export function takeInHighlights(state: EditorState, incoming: readonly Highlight[], deletedKeys: readonly number[] = []): Transaction {
  const { highlights } = codingState(state);
  const tr = state.tr.setMeta('addToHistory', false);
  for (const next of incoming) {
    const now = highlights.get(next.key);
    if (!now || next.from !== now.from || next.to !== now.to || next.note !== now.note || !sameTags(next.tagIds, now.tagIds)) {
      tr.step(new CodingStep(next.key, now ?? null, next));
    }
  }
  for (const key of deletedKeys) {
    const now = highlights.get(key);
    if (now) tr.step(new CodingStep(key, now, null));
  }
  return tr;
}

function sameTags(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
