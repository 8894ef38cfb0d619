/// findExcerpts: the excerpts view's question to the library. The same query as an export
/// (selectExcerpts), answered a page at a time, newest documents first, each excerpt with a
/// little of the text around it so the analyst can judge it without opening the document.
import type { FoundExcerpt } from '../../common/types.ts';
import { BLOCK_SEPARATOR } from '../../common/text.ts';
import { paragraphAt, paragraphStarts } from '../export/paragraphs.ts';
import { selectExcerpts } from '../export/selectExcerpts.ts';
import { textsOnce } from '../export/textsOnce.ts';
import type { ExcerptRow } from '../store/excerpts.ts';
import type { Methods, ServiceContext } from './context.ts';

/// About how much text to show on each side of a quote.
const CONTEXT_CHARS = 160;

export function findExcerptMethods(ctx: ServiceContext): Methods<'findExcerpts'> {
  return {
    findExcerpts: ({ filter, offset, limit }) => ctx.db.transaction(() => {
      const textOf = textsOnce(ctx.documents);
      const rows = selectExcerpts(ctx, filter, textOf).sort(newestFirst);
      return { total: rows.length, excerpts: rows.slice(offset, offset + limit).map((row) => found(row, textOf(row.documentId))) };
    })(),
  };
}

/// Newest documents first (undated ones last), then in reading order within a document.
function newestFirst(a: ExcerptRow, b: ExcerptRow): number {
  const [published, otherPublished] = [a.document.published, b.document.published];
  if (published !== otherPublished) {
    if (published === null) return 1;
    if (otherPublished === null) return -1;
    return published < otherPublished ? 1 : -1;
  }
  return a.documentId - b.documentId || a.start - b.start || a.end - b.end || a.annotationId - b.annotationId;
}

function found(row: ExcerptRow, text: string): FoundExcerpt {
  const starts = paragraphStarts(text);
  return {
    id: row.annotationId,
    documentId: row.documentId,
    title: row.document.title,
    source: row.document.source,
    published: row.document.published,
    start: row.start,
    end: row.end,
    ...around(text, row.start, row.end),
    paragraph: paragraphAt(starts, row.start),
    tagIds: JSON.parse(row.tagIds) as number[],
    note: row.note,
  };
}

/// The quote and up to CONTEXT_CHARS of its paragraph on each side, cut at a space so no word
/// shows in part, with an ellipsis where the paragraph goes on.
export function around(text: string, start: number, end: number): { before: string; text: string; after: string } {
  const separatorBefore = text.lastIndexOf(BLOCK_SEPARATOR, start - BLOCK_SEPARATOR.length);
  const paragraphStart = separatorBefore < 0 ? 0 : separatorBefore + BLOCK_SEPARATOR.length;
  const separatorAfter = text.indexOf(BLOCK_SEPARATOR, end);
  const paragraphEnd = separatorAfter < 0 ? text.length : separatorAfter;
  let before = text.slice(Math.max(paragraphStart, start - CONTEXT_CHARS), start);
  let after = text.slice(end, Math.min(paragraphEnd, end + CONTEXT_CHARS));
  if (start - CONTEXT_CHARS > paragraphStart) before = `…${before.replace(/^\S*\s*/, '')}`;
  if (end + CONTEXT_CHARS < paragraphEnd) after = `${after.replace(/\s*\S*$/, '')}…`;
  return { before, text: text.slice(start, end), after };
}
