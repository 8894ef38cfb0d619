/// Which excerpts pass a filter (common/api.ts `exportFilter`): SQL answers the tag, date,
/// source and document conditions; the two it cannot answer well are checked here, on the rows
/// it returns: words in the excerpt's text (ignoring case and accents, in any script), and a
/// highlight of another tag overlapping the excerpt or standing in a paragraph with it.
import type { ExportFilter } from '../../common/api.ts';
import { ExcerptError } from '../../common/errors.ts';
import type { ExcerptRow, ExcerptStore, PlacedRange } from '../store/excerpts.ts';
import type { TagStore } from '../store/tags.ts';
import { paragraphAt, paragraphStarts } from './paragraphs.ts';

/// The stores a selection reads.
export interface SelectionSources {
  tags: TagStore;
  excerpts: ExcerptStore;
}

/// The excerpts passing `filter`, in document then reading order. `textOf` gives a document's
/// canonical text (the caller may keep what it read).
export function selectExcerpts(sources: SelectionSources, filter: ExportFilter, textOf: (documentId: number) => string): ExcerptRow[] {
  const tagsOf = tagResolver(sources.tags, !filter.withoutSubtags);
  const groups = (filter.tags ?? []).map((name, i) => tagsOf(name, `filter.tags.${i}`));
  const not = (filter.notTags ?? []).flatMap((name, i) => tagsOf(name, `filter.notTags.${i}`));
  let rows = sources.excerpts.tagged({
    anyTagIds: groups.length > 0 && !filter.allTags ? groups.flat() : null,
    allTagGroups: groups.length > 0 && filter.allTags ? groups : null,
    notTagIds: not.length > 0 ? not : null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    source: filter.source ?? null,
    documentIds: filter.documentIds?.length ? filter.documentIds : null,
  });
  const words = filter.search ? folded(filter.search).split(/\s+/).filter(Boolean) : [];
  if (words.length > 0) {
    rows = rows.filter((row) => {
      const text = folded(textOf(row.documentId).slice(row.start, row.end));
      return words.every((word) => text.includes(word));
    });
  }
  if (filter.cooccurs) {
    const others = tagsOf(filter.cooccurs.tag, 'filter.cooccurs.tag');
    rows = cooccurring(sources.excerpts, rows, others, filter.cooccurs.within, textOf);
  }
  return rows;
}

/// Text for comparing words: lower case, accents and other combining marks taken off.
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase();
}

/// Tag ids by name (ignoring case, at any level of the codebook), with their sub-tags when `widen`.
function tagResolver(tags: TagStore, widen: boolean): (name: string, field: string) => number[] {
  return (name, field) => {
    const named = tags.idsNamed(name.trim());
    if (named.length === 0) {
      throw new ExcerptError('not-found', `There is no tag called "${name}" in the codebook. Check its spelling against the list of tags.`, field);
    }
    return [...new Set(widen ? named.flatMap((id) => tags.subtreeIds(id)) : named)];
  };
}

/// The rows sharing text with a highlight carrying one of `tagIds` (not the row's own highlight):
/// overlapping it, or standing in a paragraph with it.
function cooccurring(store: ExcerptStore, rows: readonly ExcerptRow[], tagIds: readonly number[], within: 'overlap' | 'paragraph', textOf: (documentId: number) => string): ExcerptRow[] {
  if (rows.length === 0) return [];
  const byDocument = new Map<number, PlacedRange[]>();
  for (const range of store.placedWith([...new Set(rows.map((row) => row.documentId))], tagIds)) {
    byDocument.set(range.documentId, [...(byDocument.get(range.documentId) ?? []), range]);
  }
  const paragraphs = new Map<number, number[]>();
  // The paragraphs a range covers, as [first, last] numbers.
  const spanOf = (documentId: number, start: number, end: number): [number, number] => {
    let starts = paragraphs.get(documentId);
    if (!starts) {
      starts = paragraphStarts(textOf(documentId));
      paragraphs.set(documentId, starts);
    }
    return [paragraphAt(starts, start), paragraphAt(starts, Math.max(start, end - 1))];
  };
  return rows.filter((row) => (byDocument.get(row.documentId) ?? []).some((other) => {
    if (other.id === row.annotationId) return false;
    if (within === 'overlap') return other.start < row.end && other.end > row.start;
    const [first, last] = spanOf(row.documentId, row.start, row.end);
    const [otherFirst, otherLast] = spanOf(row.documentId, other.start, other.end);
    return otherFirst <= last && otherLast >= first;
  }));
}
