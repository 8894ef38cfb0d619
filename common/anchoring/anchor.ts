/// Finding a highlight again in a text that may have changed: where it was, then where the
/// diff from its old text carries it, then by its quote and context. A highlight that cannot be
/// placed with confidence gets null (it goes to the review list), never a guess.
import { isHighSurrogate, isLowSurrogate } from '../codepoints.ts';
import { scoreMatches } from './matchQuote.ts';
import { diffTexts, mapNear, mapRange, type TextDiff } from './mapThroughDiff.ts';
import type { TextRange, TextSelector } from './types.ts';

/// Lowest score (matchQuote's, in [0, 1]) a place found by quote must reach.
export const MIN_SCORE = 0.8;
/// Lowest similarity of the text found to the quote itself: at most a quarter of it changed.
export const MIN_QUOTE_SIMILARITY = 0.75;
/// How far the best place must score above any other that does not overlap it; closer than
/// this the quote is ambiguous (repeated boilerplate) and the analyst decides.
export const MIN_MARGIN = 0.05;

/// What the caller knows about how the text changed.
export interface AnchorHint {
  /// From the text the selector was made on to `text` (diffTexts).
  diff?: TextDiff;
}

/// The range of `text` the selector stands for, or null when it cannot be placed with confidence.
export function anchor(text: string, selector: TextSelector, hint: AnchorHint = {}): TextRange | null {
  if (selector.exact.length === 0) return null;
  if (isStillThere(text, selector)) return { start: selector.start, end: selector.end };
  if (!hint.diff) return findByQuote(text, selector, selector.start);
  const mapped = mapRange(hint.diff, selector);
  if (mapped && text.slice(mapped.start, mapped.end) === selector.exact) return mapped;
  return findByQuote(text, selector, mapNear(hint.diff, selector.start), hint.diff.changed);
}

/// Each selector of `oldText` placed on `newText` (null: to review). The diff is computed once,
/// and only when some highlight is not where it was.
export function reanchor(oldText: string, newText: string, selectors: readonly TextSelector[]): (TextRange | null)[] {
  let hint: AnchorHint | undefined;
  return selectors.map((selector) => {
    if (isStillThere(newText, selector)) return { start: selector.start, end: selector.end };
    hint ??= { diff: diffTexts(oldText, newText) };
    return anchor(newText, selector, hint);
  });
}

/// The quote stands at its old offsets with its context on both sides.
function isStillThere(text: string, { start, end, exact, prefix, suffix }: TextSelector): boolean {
  return end - start === exact.length && start >= prefix.length && text.startsWith(exact, start) &&
    text.startsWith(prefix, start - prefix.length) && text.startsWith(suffix, end);
}

/// The one confident place for the quote. With `changed` (from a diff), only places that
/// overlap changed text count: text the diff kept is where other passages of the old text went.
function findByQuote(text: string, selector: TextSelector, expected: number, changed?: readonly TextRange[]): TextRange | null {
  const { exact, prefix, suffix } = selector;
  const maxErrors = Math.min(256, Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY)));
  const within = changed && around(changed, exact.length + maxErrors, text.length);
  if (within?.length === 0) return null;
  let candidates = scoreMatches(text, exact, { prefix, suffix, hint: expected, maxErrors, within });
  if (changed) candidates = candidates.filter((candidate) => overlapsChange(candidate, changed));
  const [best, ...others] = candidates;
  if (!best || best.score < MIN_SCORE || best.quoteSimilarity < MIN_QUOTE_SIMILARITY) return null;
  const rival = others.find((other) => other.end <= best.start || other.start >= best.end);
  if (rival && best.score - rival.score < MIN_MARGIN) return null;
  return wholeCharacters(text, best);
}

/// The ranges widened by `margin` on each side, clipped to the text, overlaps merged.
function around(ranges: readonly TextRange[], margin: number, length: number): TextRange[] {
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const start = Math.max(0, range.start - margin);
    const end = Math.min(length, range.end + margin);
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/// A candidate covers changed text, or the point inside it where old text was deleted.
function overlapsChange(candidate: TextRange, changed: readonly TextRange[]): boolean {
  let lo = 0;
  let hi = changed.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = changed[mid]!;
    const inside = range.start === range.end
      ? candidate.start < range.start && range.start < candidate.end
      : candidate.start < range.end && range.start < candidate.end;
    if (inside) return true;
    if (range.end <= candidate.start) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/// An approximate match may start or end inside an emoji; widen it to whole characters.
function wholeCharacters(text: string, { start, end }: TextRange): TextRange {
  const splits = (offset: number) => offset > 0 && offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
  return { start: splits(start) ? start - 1 : start, end: splits(end) ? end + 1 : end };
}
