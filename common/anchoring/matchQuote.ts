/// Finding a quote in a text when it is no longer where it was: every exact occurrence, or
/// failing those the closest approximate ones, each scored by how well the quote, the text
/// before and after it (prefix, suffix) and its distance from where it was expected agree.
/// The weights are the Hypothesis client's, so its test table holds here too.
import search from 'approx-string-match';
import type { TextRange } from './types.ts';

/// How much each agreement counts towards a candidate's score.
export const QUOTE_WEIGHT = 50;
export const PREFIX_WEIGHT = 20;
export const SUFFIX_WEIGHT = 20;
export const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/// What is known about the quote besides its own text.
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /// Where the quote is expected to start.
  hint?: number;
  /// Most differences an approximate match may have; half the quote (at most 256) by default.
  maxErrors?: number;
  /// Search only these ranges of the text (in order, not overlapping); the whole text by default.
  within?: readonly TextRange[];
}

/// One place the quote may stand, with its score in [0, 1] and the similarity of the text
/// there to the quote alone (1 = exact).
export interface ScoredMatch extends TextRange {
  score: number;
  quoteSimilarity: number;
}

/// Characters searched on each side of the hint for an approximate match near it, beyond the
/// quote's own length: the whole-text search only reports the matches with fewest errors, which
/// may lie elsewhere.
const NEARBY = 256;

/// The best place for `quote` in `text`, or null when it is empty or nowhere near.
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): ScoredMatch | null {
  return scoreMatches(text, quote, context)[0] ?? null;
}

/// Every candidate place for `quote`, best first (ties: earliest first).
export function scoreMatches(text: string, quote: string, context: QuoteContext = {}): ScoredMatch[] {
  if (quote.length === 0 || text.length === 0) return [];
  const maxErrors = context.maxErrors ?? Math.min(256, quote.length / 2);
  const within = context.within ?? [{ start: 0, end: text.length }];
  let candidates = within.flatMap((range) => exactOccurrences(text, quote, range));
  if (candidates.length === 0) {
    candidates = within.flatMap((range) => approximateMatches(text, quote, maxErrors, range));
    // The whole-text search reports only the matches with fewest errors, which may lie far
    // from where the quote is expected: look near the hint as well.
    if (!context.within && context.hint !== undefined) {
      const near = { start: Math.max(0, context.hint - NEARBY), end: Math.min(text.length, context.hint + quote.length + NEARBY) };
      const seen = new Set(candidates.map((m) => `${m.start}:${m.end}`));
      candidates.push(...approximateMatches(text, quote, maxErrors, near).filter((m) => !seen.has(`${m.start}:${m.end}`)));
    }
  }
  return candidates
    .map((match) => scoreMatch(text, quote, context, match))
    .sort((a, b) => b.score - a.score || a.start - b.start);
}

interface Match extends TextRange {
  errors: number;
}

function exactOccurrences(text: string, quote: string, range: TextRange): Match[] {
  const found: Match[] = [];
  for (let at = text.indexOf(quote, range.start); at !== -1 && at + quote.length <= range.end; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

function approximateMatches(text: string, quote: string, maxErrors: number, range: TextRange): Match[] {
  const part = range.start === 0 && range.end === text.length ? text : text.slice(range.start, range.end);
  return search(part, quote, maxErrors).map((m) => ({ start: m.start + range.start, end: m.end + range.start, errors: m.errors }));
}

function scoreMatch(text: string, quote: string, context: QuoteContext, match: Match): ScoredMatch {
  const quoteSimilarity = 1 - match.errors / quote.length;
  const { prefix, suffix, hint } = context;
  const prefixScore = prefix ? similarity(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix) : 1;
  const suffixScore = suffix ? similarity(text.slice(match.end, match.end + suffix.length), suffix) : 1;
  const positionScore = hint === undefined ? 1 : 1 - Math.abs(match.start - hint) / text.length;
  const raw = QUOTE_WEIGHT * quoteSimilarity + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore;
  return { start: match.start, end: match.end, score: raw / MAX_SCORE, quoteSimilarity };
}

/// How closely `expected` appears in `actual` (1 = exactly, 0 = not at all).
function similarity(actual: string, expected: string): number {
  if (actual === expected) return 1;
  if (actual.length === 0) return 0;
  const [best] = search(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}
