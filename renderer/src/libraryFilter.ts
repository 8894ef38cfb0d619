/// The library filters the analyst chose (tag, published from/to, source, only documents with
/// highlights to review), kept in the page URL's hash so a reload shows the same list.
import type { ArgsIn } from '../../common/api.ts';
import { hashParams, updateHashParams } from './hashParams.ts';

/// What listDocuments receives; an absent field does not narrow the list.
export type LibraryFilter = ArgsIn<'listDocuments'>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/// The filters of the page URL; a malformed value counts as absent.
export function rememberedFilter(): LibraryFilter {
  const params = hashParams();
  const filter: LibraryFilter = {};
  const tagId = Number(params.get('tag'));
  if (Number.isInteger(tagId) && tagId > 0) filter.tagId = tagId;
  const from = params.get('from');
  if (from && ISO_DATE.test(from)) filter.from = from;
  const to = params.get('to');
  if (to && ISO_DATE.test(to)) filter.to = to;
  const source = params.get('source');
  if (source) filter.source = source;
  if (params.get('review') === '1') filter.toReview = true;
  return filter;
}

export function rememberFilter(filter: LibraryFilter): void {
  updateHashParams({
    tag: filter.tagId === undefined ? null : String(filter.tagId),
    from: filter.from ?? null,
    to: filter.to ?? null,
    source: filter.source ?? null,
    review: filter.toReview ? '1' : null,
  });
}

/// Whether any filter narrows the list.
export function isFiltered(filter: LibraryFilter): boolean {
  return filter.tagId !== undefined || filter.from !== undefined || filter.to !== undefined || filter.source !== undefined || filter.toReview === true;
}

/// What is wrong with the date range, said next to the dates, or null when nothing is. The
/// library refuses such a range too; asking it would only earn a refusal.
export function rangeProblem(filter: LibraryFilter): string | null {
  return filter.from !== undefined && filter.to !== undefined && filter.from > filter.to
    ? 'The “To” date comes before the “From” date. Choose a “To” date on or after it.'
    : null;
}
