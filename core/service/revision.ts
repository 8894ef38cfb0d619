/// A re-issued document: its current text and metadata are kept as a revision, the new text
/// takes their place, and each highlight on it is carried over (common/anchoring): by position,
/// through the diff of the two texts, then by quote and context. One that cannot be placed
/// with confidence goes to the review list with its old quote and offsets, never guessed.
import { reanchor } from '../../common/anchoring/anchor.ts';
import { describeQuote } from '../../common/quote.ts';
import type { DocumentStore, NewDocument } from '../store/documents.ts';
import type { ServiceContext } from './context.ts';

/// How the highlights of a revised document fared.
export interface RevisionOutcome {
  carried: number;
  toReview: number;
}

/// Makes `document` the new text of document `id`; call inside the import's transaction.
export function reviseDocument(ctx: Pick<ServiceContext, 'documents' | 'revisions' | 'annotations'>, id: number, document: NewDocument): RevisionOutcome {
  const { documents, revisions, annotations } = ctx;
  const oldText = documents.text(id)!;
  revisions.keepCurrent(id, document.importedAt);
  documents.replaceText(id, document);

  const selectors = annotations.selectorsIn(id);
  const placed = reanchor(oldText, document.text, selectors);
  const outcome: RevisionOutcome = { carried: 0, toReview: 0 };
  selectors.forEach((selector, i) => {
    const range = placed[i];
    if (!range) {
      annotations.sendToReview(selector.id, 'revision', document.importedAt);
      outcome.toReview++;
      return;
    }
    outcome.carried++;
    const quote = describeQuote(document.text, range.start, range.end);
    const same = range.start === selector.start && range.end === selector.end &&
      quote.exact === selector.exact && quote.prefix === selector.prefix && quote.suffix === selector.suffix;
    if (!same) annotations.move(selector.id, { ...range, ...quote }, document.importedAt);
  });
  return outcome;
}

/// Least share of the shorter text's word triples found in the other for a same-title,
/// same-date document to count as a re-issue: a generic title ("Press release") on the same
/// day must not turn one statement into a revision of another. A re-issue that adds or cuts
/// paragraphs keeps most of the shorter text's triples; different statements share a few.
export const SAME_STATEMENT_OVERLAP = 0.5;

/// The document `document` revises: the one at its source URL (an address names one
/// statement), else the one with its title and date whose text is alike enough.
export function revisedDocument(documents: Pick<DocumentStore, 'withSourceUrl' | 'withTitleAndDate' | 'text'>, document: NewDocument): number | undefined {
  const byUrl = document.sourceUrl !== null ? documents.withSourceUrl(document.sourceUrl) : undefined;
  if (byUrl !== undefined) return byUrl;
  if (document.published === null) return undefined;
  const candidate = documents.withTitleAndDate(document.title, document.published);
  if (candidate === undefined) return undefined;
  return textOverlap(documents.text(candidate) ?? '', document.text) >= SAME_STATEMENT_OVERLAP ? candidate : undefined;
}

/// Overlap coefficient of the two texts' sets of consecutive word triples: the share of the
/// smaller set found in the larger (0 to 1).
export function textOverlap(a: string, b: string): number {
  const [smaller, larger] = [wordTriples(a), wordTriples(b)].sort((x, y) => x.size - y.size) as [Set<string>, Set<string>];
  if (smaller.size === 0) return larger.size === 0 ? 1 : 0;
  let shared = 0;
  for (const triple of smaller) if (larger.has(triple)) shared++;
  return shared / smaller.size;
}

function wordTriples(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const triples = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) triples.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (triples.size === 0 && words.length > 0) triples.add(words.join(' '));
  return triples;
}
