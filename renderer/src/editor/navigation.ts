/// Moving from highlight to highlight with the keyboard: the next (or previous) highlight
/// after (or before) the selection is selected and scrolled into view.
import { TextSelection, type Command } from 'prosemirror-state';
import { codingState } from './coding.ts';

export function selectNeighbourHighlight(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    let best: { from: number; to: number } | null = null;
    for (const h of codingState(state).highlights.values()) {
      // Forward: the first to start after the selection's start (ties: the longer first);
      // backward: the last to start before it.
      const ahead = direction === 1 ? h.from > from || (h.from === from && h.to < to) : h.from < from || (h.from === from && h.to > to);
      if (!ahead) continue;
      if (!best || (direction === 1 ? h.from < best.from || (h.from === best.from && h.to > best.to) : h.from > best.from || (h.from === best.from && h.to < best.to))) {
        best = h;
      }
    }
    if (!best) return false;
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, best.from, best.to)).scrollIntoView());
    return true;
  };
}
