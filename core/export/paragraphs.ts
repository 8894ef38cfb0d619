/// Paragraphs of a canonical text (its blocks, between BLOCK_SEPARATORs), numbered from 1 as
/// a citation counts them.
import { BLOCK_SEPARATOR } from '../../common/text.ts';

/// Where each paragraph of a canonical text starts (UTF-16 offsets, in order).
export function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf(BLOCK_SEPARATOR); at >= 0; at = text.indexOf(BLOCK_SEPARATOR, at + BLOCK_SEPARATOR.length)) {
    starts.push(at + BLOCK_SEPARATOR.length);
  }
  return starts;
}

/// The number (from 1) of the paragraph holding UTF-16 offset `offset`.
export function paragraphAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
