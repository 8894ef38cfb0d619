/// Taking the analyst to a passage of the open document: selected, focused, and scrolled to a
/// third of the way down the text column (where the eye goes after a jump), smoothly unless
/// the analyst asked for reduced motion. The highlights list, search hits and the excerpts view
/// all go this way.
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';

/// Where to show a document that was just opened: the first place a search hit's words stand,
/// or an excerpt's highlight. A new object each time, so asking twice shows it twice.
export type Reveal = { passage: string } | { highlightId: number };

export function showPassage(view: EditorView, scroller: HTMLElement, range: { from: number; to: number }): void {
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)));
  view.focus();
  const box = scroller.getBoundingClientRect();
  const start = view.coordsAtPos(range.from, 1);
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  scroller.scrollTo({ top: scroller.scrollTop + start.top - box.top - box.height / 3, behavior: reduceMotion ? 'auto' : 'smooth' });
}

/// Where `words` first stand in a text block of `doc` (ignoring case), as editor positions.
export function firstPlace(doc: Node, words: string): { from: number; to: number } | null {
  const wanted = words.toLocaleLowerCase();
  let found: { from: number; to: number } | null = null;
  doc.descendants((block, pos) => {
    if (found) return false;
    if (!block.isTextblock) return true;
    const text = block.textContent;
    const at = text.toLocaleLowerCase().indexOf(wanted);
    // Positions count as the text does only when every inline node is text of its own length.
    if (at >= 0 && text.length === block.content.size) found = { from: pos + 1 + at, to: pos + 1 + at + words.length };
    return false;
  });
  return found;
}
