/// Between the editor's positions and the canonical-text offsets every annotation stores.
import type { Node } from 'prosemirror-model';
import type { TextHighlight } from '../../../common/types.ts';
import { BLOCK_SEPARATOR, offsetToPos, posToOffset, type TextBlock } from '../../../common/text.ts';

/// A passage of the canonical text, as createAnnotation wants it.
export interface Quote {
  start: number;
  end: number;
  exact: string;
}

/// The passage between two editor positions, without the whitespace at its edges (a
/// double-click or a drag often takes a trailing space); null when only whitespace is left.
export function quoteBetween(blocks: readonly TextBlock[], text: string, from: number, to: number): Quote | null {
  let start = posToOffset(blocks, from);
  let end = posToOffset(blocks, to);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end, exact: text.slice(start, end) } : null;
}

/// Where an annotation sits in the editor.
export function annotationRange(blocks: readonly TextBlock[], annotation: Pick<TextHighlight, 'start' | 'end'>): { from: number; to: number } {
  return { from: offsetToPos(blocks, annotation.start, 1), to: offsetToPos(blocks, annotation.end, -1) };
}

/// The passage an annotation covers in `doc` (with `blocks`, its textBlocks), as the canonical
/// text reads it: its quote, when `doc` is the text it was stored on.
export function quoteAt(doc: Node, blocks: readonly TextBlock[], annotation: Pick<TextHighlight, 'start' | 'end'>): string {
  const { from, to } = annotationRange(blocks, annotation);
  return doc.textBetween(from, to, BLOCK_SEPARATOR);
}
