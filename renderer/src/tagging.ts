/// Tagging a passage: a new highlight, or one more tag on the highlight that already
/// covers exactly that passage (never a duplicate highlight).
import type { ExcerptApi } from '../../common/api.ts';
import type { Annotation } from '../../common/types.ts';
import type { Quote } from './editor/ranges.ts';

export async function tagQuote(
  api: ExcerptApi,
  documentId: number,
  quote: Quote,
  tagId: number,
  annotations: readonly Annotation[],
): Promise<Annotation> {
  const existing = annotations.find((a) => a.start === quote.start && a.end === quote.end);
  if (!existing) {
    return api.createAnnotation({ documentId, start: quote.start, end: quote.end, exact: quote.exact, tagIds: [tagId] });
  }
  if (existing.tagIds.includes(tagId)) return existing;
  return api.updateAnnotation({ id: existing.id, tagIds: [...existing.tagIds, tagId] });
}

/// `annotations` with `changed` put in its place (or added), in reading order.
export function withAnnotation(annotations: readonly Annotation[], changed: Annotation): Annotation[] {
  return inReadingOrder([...annotations.filter((a) => a.id !== changed.id), changed]);
}

/// Annotations by where they start in the text (then by where they end).
export function inReadingOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}
