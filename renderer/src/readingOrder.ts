/// Highlights in the order the analyst reads them.
import type { TextHighlight } from '../../common/types.ts';

/// Annotations by where they start in the text (then by where they end).
export function inReadingOrder(annotations: readonly TextHighlight[]): TextHighlight[] {
  return [...annotations].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}
