/// Where the characters of an old text went in a new one (a re-issued press release): the
/// stretches kept, found by trimming what both share at the start and end, then diffing the
/// middle by paragraphs and each changed paragraph by words. A highlight whose first and last
/// characters were kept moves with them.
import { isHighSurrogate, isLowSurrogate } from '../codepoints.ts';
import { diffSequences } from './diffSequences.ts';
import type { TextRange } from './types.ts';

/// A stretch of characters present in both texts.
export interface KeptStretch {
  /// Offset in the old text, offset in the new text, length (UTF-16 units).
  from: number;
  to: number;
  length: number;
}

/// The kept stretches between two texts, in order, and what lies between them in the new text.
export interface TextDiff {
  kept: readonly KeptStretch[];
  /// The new text's ranges that are not kept: inserted or rewritten text, or an empty range
  /// where old text was deleted. A highlight that moved or changed can only be in one of them.
  changed: readonly TextRange[];
}

/// Most insertions plus deletions of paragraphs or words worth aligning; past it the texts
/// are too different and their changed middle maps nowhere (highlights there are found by quote).
export const MAX_EDITS = 1000;

/// The kept stretches of `oldText` in `newText`.
export function diffTexts(oldText: string, newText: string): TextDiff {
  const kept: KeptStretch[] = [];
  const keep: Keep = (from, to, length) => {
    if (length === 0) return;
    const last = kept.at(-1);
    if (last && last.from + last.length === from && last.to + last.length === to) last.length += length;
    else kept.push({ from, to, length });
  };
  align({ oldText, from: 0, fromEnd: oldText.length, newText, to: 0, toEnd: newText.length }, paragraphs, keep);
  return { kept, changed: changedBetween(kept, oldText.length, newText.length) };
}

function changedBetween(kept: readonly KeptStretch[], oldLength: number, newLength: number): TextRange[] {
  const changed: TextRange[] = [];
  let from = 0;
  let to = 0;
  for (const stretch of [...kept, { from: oldLength, to: newLength, length: 0 }]) {
    if (stretch.from > from || stretch.to > to) changed.push({ start: to, end: stretch.to });
    from = stretch.from + stretch.length;
    to = stretch.to + stretch.length;
  }
  return changed;
}

type Keep = (from: number, to: number, length: number) => void;

/// A stretch of the old text and the stretch of the new text that stands in its place.
interface Pair {
  oldText: string;
  from: number;
  fromEnd: number;
  newText: string;
  to: number;
  toEnd: number;
}

/// Keeps what the two stretches share at their start and end, then aligns the middle by the
/// level's tokens: paragraphs, and inside each changed run of paragraphs, words.
function align(pair: Pair, level: Level, keep: Keep): void {
  const { oldText, from, fromEnd, newText, to, toEnd } = pair;
  let head = 0;
  const most = Math.min(fromEnd - from, toEnd - to);
  while (head < most && oldText.charCodeAt(from + head) === newText.charCodeAt(to + head)) head++;
  let tail = 0;
  while (tail < most - head && oldText.charCodeAt(fromEnd - 1 - tail) === newText.charCodeAt(toEnd - 1 - tail)) tail++;
  // Shared characters that run into a changed token ("The" of "They" and of "The ITU") belong
  // to it: the shared start and end stop at token boundaries, so tokens align whole.
  while (head > 0 && head < most && !(level.boundary(oldText, from + head) && level.boundary(newText, to + head))) head--;
  while (tail > 0 && tail < most && !(level.boundary(oldText, fromEnd - tail) && level.boundary(newText, toEnd - tail))) tail--;
  keep(from, to, head);
  if (fromEnd - tail > from + head && toEnd - tail > to + head) {
    alignTokens({ oldText, from: from + head, fromEnd: fromEnd - tail, newText, to: to + head, toEnd: toEnd - tail }, level, keep);
  }
  keep(fromEnd - tail, toEnd - tail, tail);
}

function alignTokens(pair: Pair, level: Level, keep: Keep): void {
  const a = level.tokens(pair.oldText.slice(pair.from, pair.fromEnd));
  const b = level.tokens(pair.newText.slice(pair.to, pair.toEnd));
  const runs = diffSequences(a, b, MAX_EDITS);
  if (!runs) return;
  let i = 0;
  let j = 0;
  let x = pair.from;
  let y = pair.to;
  // Where the changed stretch since the last kept run began, in the old and the new text.
  let changedX = x;
  let changedY = y;
  const refineChanged = () => {
    if (level === paragraphs && x > changedX && y > changedY) {
      align({ oldText: pair.oldText, from: changedX, fromEnd: x, newText: pair.newText, to: changedY, toEnd: y }, words, keep);
    }
  };
  for (const run of runs) {
    if (run.kind === 'keep') {
      refineChanged();
      const length = widthOf(a, i, run.count);
      keep(x, y, length);
      i += run.count;
      j += run.count;
      x += length;
      y += length;
      changedX = x;
      changedY = y;
    } else if (run.kind === 'delete') {
      x += widthOf(a, i, run.count);
      i += run.count;
    } else {
      y += widthOf(b, j, run.count);
      j += run.count;
    }
  }
  refineChanged();
}

/// Characters in `count` tokens from `at`.
function widthOf(items: readonly string[], at: number, count: number): number {
  let total = 0;
  for (let n = at; n < at + count; n++) total += items[n]!.length;
  return total;
}

/// How a text is cut into the items diffed at one level, and where those cuts may fall.
interface Level {
  tokens(text: string): string[];
  boundary(text: string, offset: number): boolean;
}

/// Paragraphs, each with the line breaks that end it.
const paragraphs: Level = {
  tokens: (text) => text.match(/[^\n]+\n*|\n+/g) ?? [],
  boundary: (text, offset) => offset === 0 || offset === text.length ||
    (text.charCodeAt(offset - 1) === 10 && text.charCodeAt(offset) !== 10),
};

/// Words, runs of spaces, and single other characters (punctuation, symbols).
const words: Level = {
  tokens: (text) => text.match(/[\p{L}\p{N}\p{M}]+|\s+|[^]/gu) ?? [],
  boundary(text, offset) {
    if (offset === 0 || offset === text.length) return true;
    if (splitsCharacter(text, offset)) return false;
    const before = kindOf(text.codePointAt(splitsCharacter(text, offset - 1) ? offset - 2 : offset - 1)!);
    const after = kindOf(text.codePointAt(offset)!);
    return before !== after || after === 'other';
  },
};

/// True when `offset` falls between the two halves of one astral character (an emoji).
function splitsCharacter(text: string, offset: number): boolean {
  return offset > 0 && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

function kindOf(codePoint: number): 'word' | 'space' | 'other' {
  const char = String.fromCodePoint(codePoint);
  if (/[\p{L}\p{N}\p{M}]/u.test(char)) return 'word';
  return /\s/u.test(char) ? 'space' : 'other';
}

/// Where `range` of the old text lies in the new one, when the characters at both its ends
/// were kept; null when either end fell in a changed stretch.
export function mapRange(diff: TextDiff, range: TextRange): TextRange | null {
  const first = stretchHolding(diff, range.start);
  const last = stretchHolding(diff, range.end - 1);
  if (!first || !last) return null;
  return { start: first.to + (range.start - first.from), end: last.to + (range.end - last.from) };
}

/// The new offset nearest to where old `offset` stood: moved with its stretch when kept,
/// otherwise the start of whatever replaced it. A hint for finding a quote, not a placement.
export function mapNear(diff: TextDiff, offset: number): number {
  const { kept } = diff;
  let lo = 0;
  let hi = kept.length - 1;
  let before: KeptStretch | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (kept[mid]!.from <= offset) {
      before = kept[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (!before) return 0;
  return before.to + Math.min(offset - before.from, before.length);
}

function stretchHolding(diff: TextDiff, offset: number): KeptStretch | undefined {
  const { kept } = diff;
  let lo = 0;
  let hi = kept.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const stretch = kept[mid]!;
    if (offset < stretch.from) hi = mid - 1;
    else if (offset >= stretch.from + stretch.length) lo = mid + 1;
    else return stretch;
  }
  return undefined;
}
