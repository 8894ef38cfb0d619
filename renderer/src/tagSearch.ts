/// Finding a tag by a few typed letters, as the command palette does: a fuzzy match of the
/// letters, in order, against each tag's name and its path ("Mandates › ITU role"), ignoring
/// case and accents, with the letters that matched marked for display.
import type { Tag } from '../../common/types.ts';
import { codebookTree, type CodebookEntry } from './codebook.ts';

/// A stretch of a tag's path to emphasise, as UTF-16 offsets, end exclusive.
export interface Mark {
  start: number;
  end: number;
}

/// One tag found for a query, best first in the list `rankTags` returns.
export interface RankedTag {
  tag: Tag;
  /// Names from the root down to the tag, joined by " › ".
  path: string;
  /// Higher is better; a match inside the tag's own name always outranks a path-only one.
  score: number;
  /// Where the typed letters matched in `path`, in order, not overlapping.
  marks: Mark[];
}

// Weights of the match score. Each typed letter found is worth MATCH, more at the start of a
// word or right after the previous letter, less for every letter skipped between two found.
const MATCH = 16;
const WORD_START = 10;
const TEXT_START = 4;
const CONTIGUOUS = 10;
const GAP_START = 4;
const GAP_EXTEND = 0.5;
// Per character of the name (or path) matched against: shorter tags rank higher.
const LENGTH = 0.2;
// Added to every match inside the name, more than any difference in letters can make up.
const NAME_MATCH = 1_000_000;

/// The tags matching `query`, best first. An empty query lists the `recent` tags (ids, most
/// recent first) and then the whole codebook in its order. Spaces, "/" and "›" in the query
/// only separate words: "mand itu" and "Mandates / ITU" both find "Mandates › ITU role".
export function rankTags(tags: readonly Tag[], query: string, recent: readonly number[] = []): RankedTag[] {
  const entries = indexOf(tags);
  const pattern = fold(query).text.replace(/[\s/›]+/gu, '');
  if (pattern === '') return listed(entries, recent);
  const found: { ranked: RankedTag; order: number }[] = [];
  entries.forEach((entry, order) => {
    const ranked = rank(entry, pattern);
    if (ranked) found.push({ ranked, order });
  });
  found.sort((a, b) => b.ranked.score - a.ranked.score || a.ranked.path.length - b.ranked.path.length || a.order - b.order);
  return found.map((f) => f.ranked);
}

/// The tag at the end of `names` (root first, as splitTagPath in tagPath.ts reads a typed
/// path), compared without regard to case as the codebook compares names; undefined when the
/// codebook has no such path.
export function findTagByPath(tags: readonly Tag[], names: readonly string[]): Tag | undefined {
  const wanted = names.join(' › ').toLowerCase();
  return indexOf(tags).find((entry) => entry.path.toLowerCase() === wanted)?.tag;
}

/// `text[start, end)` cut into plain and marked parts for display, marks clipped to the span.
export function markedParts(text: string, marks: readonly Mark[], start = 0, end = text.length): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = start;
  for (const mark of marks) {
    const from = Math.max(mark.start, at);
    const to = Math.min(mark.end, end);
    if (from >= to) continue;
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    parts.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < end) parts.push({ text: text.slice(at, end), marked: false });
  return parts;
}

/// A tag's path prepared once for matching: folded to lower case without accents, with where
/// each folded character came from in the path, which characters begin a word, and where
/// the name begins.
interface IndexedTag extends CodebookEntry {
  folded: string;
  from: number[];
  to: number[];
  wordStart: Uint8Array;
  nameStart: number;
}

// The palette ranks the same codebook on every keystroke; the tree and folded paths are
// built once per tag list (a new list from the api is a new key).
const indexes = new WeakMap<readonly Tag[], IndexedTag[]>();

function indexOf(tags: readonly Tag[]): IndexedTag[] {
  let index = indexes.get(tags);
  if (!index) {
    index = codebookTree(tags).map(indexTag);
    indexes.set(tags, index);
  }
  return index;
}

function indexTag(entry: CodebookEntry): IndexedTag {
  const { text, from, to } = fold(entry.path);
  const wordStart = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) wordStart[i] = i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1]!) ? 1 : 0;
  const nameOffset = entry.path.length - entry.tag.name.length;
  let nameStart = 0;
  while (nameStart < text.length && from[nameStart]! < nameOffset) nameStart++;
  return { ...entry, folded: text, from, to, wordStart, nameStart };
}

/// `text` in lower case without diacritics, and for each of its UTF-16 units the span of
/// `text` it came from (a combining mark belongs to the letter before it).
function fold(text: string): { text: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const char = String.fromCodePoint(code);
    const plain = code < 0x80 ? char.toLowerCase() : char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (plain === '' && to.length > 0) to[to.length - 1] = i + char.length;
    for (const unit of plain.split('')) {
      folded += unit;
      from.push(i);
      to.push(i + char.length);
    }
    i += char.length;
  }
  return { text: folded, from, to };
}

function listed(entries: readonly IndexedTag[], recent: readonly number[]): RankedTag[] {
  const byId = new Map(entries.map((entry) => [entry.tag.id, entry]));
  const first = [...new Set(recent)].flatMap((id) => byId.get(id) ?? []);
  const shown = new Set(first);
  return [...first, ...entries.filter((entry) => !shown.has(entry))].map((entry) => ({ tag: entry.tag, path: entry.path, score: 0, marks: [] }));
}

function rank(entry: IndexedTag, pattern: string): RankedTag | null {
  const found = (score: number, positions: readonly number[]): RankedTag => ({ tag: entry.tag, path: entry.path, score, marks: marksOf(entry, positions) });
  const inName = align(entry, entry.nameStart, pattern);
  if (inName) return found(NAME_MATCH + inName.score - LENGTH * (entry.folded.length - entry.nameStart), inName.positions);
  const inPath = align(entry, 0, pattern);
  return inPath && found(inPath.score - LENGTH * entry.folded.length, inPath.positions);
}

// The alignment tables, kept between calls: ranking a codebook aligns thousands of times per
// keystroke, and fresh tables each time would keep the garbage collector busy.
let scores = new Float64Array(4096);
let steps = new Int32Array(4096);

/// The best placement of the pattern's letters, in order, in the folded path from `start` on:
/// its score and the folded positions used, or null when the letters do not all occur.
function align(entry: IndexedTag, start: number, pattern: string): { score: number; positions: number[] } | null {
  const text = entry.folded;
  const m = pattern.length;
  // Letter i can only sit between its earliest and its latest possible place; the table is
  // filled in that band alone (row i, columns earliest[i]..latest[i]).
  const earliest: number[] = [];
  for (let i = 0, j = start; i < m; i++, j++) {
    j = text.indexOf(pattern[i]!, j);
    if (j < 0) return null;
    earliest.push(j);
  }
  const latest: number[] = new Array<number>(m);
  for (let i = m - 1, j = text.length - 1; i >= 0; i--, j--) {
    j = text.lastIndexOf(pattern[i]!, j);
    latest[i] = j;
  }
  const n = text.length;
  if (scores.length < m * n) {
    scores = new Float64Array(m * n * 2);
    steps = new Int32Array(m * n * 2);
  }
  const NONE = -Infinity;
  // scores[i*n + j]: the best score with letter i placed at j; steps: where letter i-1 sits then.
  const score = (i: number, j: number) => (j >= earliest[i]! && j <= latest[i]! ? scores[i * n + j]! : NONE);
  for (let i = 0; i < m; i++) {
    const letter = pattern[i]!;
    let gapScore = NONE;
    let gapFrom = -1;
    // The sweep starts just after the previous letter's earliest place, so that every
    // placement of it is weighed as the start of a gap.
    for (let j = i > 0 ? earliest[i - 1]! + 1 : earliest[0]!; j <= latest[i]!; j++) {
      if (i > 0) {
        // A gap before j: every earlier placement costs a little more for the letter skipped.
        gapScore -= GAP_EXTEND;
        const opening = score(i - 1, j - 2) - GAP_START;
        if (opening > gapScore) {
          gapScore = opening;
          gapFrom = j - 2;
        }
      }
      if (j < earliest[i]!) continue;
      const cell = i * n + j;
      scores[cell] = NONE;
      if (text[j] !== letter) continue;
      const gain = MATCH + (entry.wordStart[j] ? WORD_START : 0) + (j === start ? TEXT_START : 0);
      if (i === 0) {
        scores[cell] = gain;
        continue;
      }
      const contiguous = score(i - 1, j - 1) + CONTIGUOUS;
      const previous = Math.max(contiguous, gapScore);
      if (previous === NONE) continue;
      scores[cell] = gain + previous;
      steps[cell] = contiguous >= gapScore ? j - 1 : gapFrom;
    }
  }
  let end = -1;
  let best = NONE;
  for (let j = earliest[m - 1]!; j <= latest[m - 1]!; j++) {
    if (score(m - 1, j) > best) {
      best = score(m - 1, j);
      end = j;
    }
  }
  if (end < 0) return null;
  const positions = new Array<number>(m);
  for (let i = m - 1, j = end; i >= 0; j = steps[i * n + j]!, i--) positions[i] = j;
  return { score: best, positions };
}

// Folded positions back to spans of the path, neighbours joined into one mark.
function marksOf(entry: IndexedTag, positions: readonly number[]): Mark[] {
  const marks: Mark[] = [];
  for (const position of positions) {
    const start = entry.from[position]!;
    const end = entry.to[position]!;
    const last = marks[marks.length - 1];
    if (last && last.end >= start) last.end = Math.max(last.end, end);
    else marks.push({ start, end });
  }
  return marks;
}
