/// Mapping carries a highlight through an edit, but cannot bring back what the edit deleted:
/// after undoing a deletion the text returns while a highlight that lost part (or all) of its
/// text would stay shrunk (or gone). So before an edit that deletes text inside highlights,
/// each of them is pinned: a CodingStep restating its range is put ahead of the edit in the
/// same transaction. Undo replays that step after restoring the text, and the highlight is
/// back exactly where it was.
import type { EditorState, Transaction } from 'prosemirror-state';
import { isHistoryTransaction } from 'prosemirror-history';
import { Mapping } from 'prosemirror-transform';
import { CodingStep, type Highlight } from './codingStep.ts';
import { codingState } from './coding.ts';

// What ProseMirror and its history read from an edit's transaction, carried to the new one.
const CARRIED_META = ['addToHistory', 'uiEvent', 'paste', 'composition', 'pointer'] as const;

/// `tr` itself when it deletes no highlighted text (or is an undo, a redo or a coding
/// action), else the same edit preceded by the pins.
export function pinHighlights(state: EditorState, tr: Transaction): Transaction {
  if (!tr.docChanged || isHistoryTransaction(tr) || tr.steps.some((step) => step instanceof CodingStep)) return tr;
  const deleted = deletedRanges(tr);
  if (deleted.length === 0) return tr;
  const { highlights } = codingState(state);
  const touched: Highlight[] = [];
  for (const [from, to] of deleted) {
    for (const highlight of highlights.between(from, to)) {
      if (from < highlight.to && to > highlight.from && !touched.some((h) => h.key === highlight.key)) touched.push(highlight);
    }
  }
  if (touched.length === 0) return tr;

  const pinned = state.tr;
  for (const highlight of touched) pinned.step(new CodingStep(highlight.key, highlight, highlight));
  for (const step of tr.steps) pinned.step(step);
  // The pins change no position, so the edit's selection holds in the new transaction.
  pinned.setSelection(tr.selection.map(pinned.doc, new Mapping()));
  if (tr.storedMarksSet) pinned.setStoredMarks(tr.storedMarks);
  if (tr.scrolledIntoView) pinned.scrollIntoView();
  for (const key of CARRIED_META) {
    const value = tr.getMeta(key);
    if (value !== undefined) pinned.setMeta(key, value);
  }
  return pinned;
}

/// The ranges of the original document that the transaction's steps delete or replace.
function deletedRanges(tr: Transaction): [number, number][] {
  const ranges: [number, number][] = [];
  tr.steps.forEach((step, index) => {
    const back = tr.mapping.slice(0, index).invert();
    step.getMap().forEach((oldStart, oldEnd) => {
      if (oldEnd > oldStart) ranges.push([back.map(oldStart, -1), back.map(oldEnd, 1)]);
    });
  });
  return ranges;
}
