/// Rebuilds paragraphs, headings and list items from the lines of a PDF's pages. A line
/// starts a new block when the gap above it is clearly wider than the document's usual line
/// spacing, when it is indented against the line before (a first-line indent), when its
/// font size changes, or when it starts with a bullet. Across a page break the paragraph
/// goes on when the last line broke a word or a sentence, or the next line starts in lower
/// case. Lines in a font clearly larger than the body's are headings.
import { joinLines, vocabularyOf } from './joinLines.ts';
import type { PageLine } from './pdfLines.ts';

/// A block of the document, in reading order.
export interface PdfBlock {
  kind: 'heading' | 'paragraph' | 'item';
  /// 1 for the largest headings; 0 for paragraphs and items.
  level: number;
  text: string;
  size: number;
  /// 1-based.
  page: number;
}

/// A gap this many times the usual line spacing, or more, separates paragraphs.
const PARAGRAPH_GAP = 1.3;
/// A size this much larger than the body's (or more) is a heading's; a change this large
/// between two lines ends a block.
const SIZE_STEP = 1.12;
/// Line spacing (baseline to baseline, in ems) assumed at most: word processors and browsers
/// set single spacing at about 1.15 to 1.25. (A document set at 1.5 lines then comes out as
/// a paragraph per line: every word kept, only more blocks.)
const MAX_LINE_SPACING = 1.3;
/// An indent of this many ems (or more) against the line before starts a paragraph.
const INDENT = 0.8;
const bullet = /^[•◦▪●■‣⁃∙\uf0b7\uf0a7]\s*/u;
/// Characters a finished sentence ends with.
const sentenceEnd = /[.!?:;…"”»)\]]$/u;

type PlacedLine = PageLine & { page: number };

interface Group {
  kind: PdfBlock['kind'];
  lines: PlacedLine[];
}

/// The blocks of a document whose pages hold `pages` (running lines already removed).
export function pdfBlocks(pages: readonly (readonly PageLine[])[]): PdfBlock[] {
  const bodySize = commonestSize(pages);
  const spacing = lineSpacing(pages);
  const headingSizes = [...new Set(pages.flat().map((line) => round(line.size)).filter((size) => size >= bodySize * SIZE_STEP))]
    .sort((a, b) => b - a);
  const groups: Group[] = [];
  for (const [index, lines] of pages.entries()) {
    for (const line of lines) {
      const group = groups[groups.length - 1];
      const marker = bullet.exec(line.text);
      const current = { ...line, text: marker ? line.text.slice(marker[0].length) : line.text, page: index + 1 };
      if (!current.text) continue;
      const previous = group?.lines[group.lines.length - 1];
      const continues = group && previous && !marker && (previous.page === current.page
        ? continuesOnPage(group, previous, current, spacing)
        : continuesOnNextPage(previous, current));
      if (continues) {
        group.lines.push(current);
      } else {
        const heading = !marker && round(line.size) >= bodySize * SIZE_STEP;
        groups.push({ kind: marker ? 'item' : heading ? 'heading' : 'paragraph', lines: [current] });
      }
    }
  }
  const vocabulary = vocabularyOf(groups.map((group) => group.lines.map((line) => line.text)));
  return groups.map((group) => {
    const first = group.lines[0]!;
    return {
      kind: group.kind,
      level: group.kind === 'heading' ? Math.min(headingSizes.indexOf(round(first.size)) + 1, 6) : 0,
      text: joinLines(group.lines.map((line) => line.text), vocabulary),
      size: first.size,
      page: first.page,
    };
  });
}

function continuesOnPage(group: Group, previous: PageLine, line: PageLine, spacing: (size: number) => number): boolean {
  if (!sameSize(previous, line)) return false;
  const gap = previous.y - line.y;
  if (gap <= 0 || gap >= spacing(line.size) * PARAGRAPH_GAP) return false;
  const indent = line.left - previous.left;
  // A list item's later lines hang under its text, to the right of its bullet.
  if (group.kind === 'item') return indent > -INDENT * line.size;
  return indent < INDENT * line.size;
}

function continuesOnNextPage(previous: PageLine, line: PageLine): boolean {
  return sameSize(previous, line) && (/[-\u2010\u00ad]$/.test(previous.text) || !sentenceEnd.test(previous.text) || /^\p{Ll}/u.test(line.text));
}

function sameSize(a: PageLine, b: PageLine): boolean {
  return Math.max(a.size, b.size) < Math.min(a.size, b.size) * SIZE_STEP;
}

/// The font size most of the text is set in.
function commonestSize(pages: readonly (readonly PageLine[])[]): number {
  const characters = new Map<number, number>();
  for (const line of pages.flat()) characters.set(round(line.size), (characters.get(round(line.size)) ?? 0) + line.text.length);
  let best = 0;
  for (const [size, count] of characters) if (count > (characters.get(best) ?? 0)) best = size;
  return best;
}

/// The usual distance between the baselines of two lines of one paragraph, by font size:
/// a low percentile of the gaps between same-size neighbours, since gaps between paragraphs
/// are the wider ones; at most MAX_LINE_SPACING ems, for a document whose paragraphs are
/// all one line long has no gap within a paragraph to measure.
function lineSpacing(pages: readonly (readonly PageLine[])[]): (size: number) => number {
  const gaps = new Map<number, number[]>();
  for (const lines of pages) {
    for (const [i, line] of lines.entries()) {
      const previous = lines[i - 1];
      const gap = previous ? previous.y - line.y : 0;
      if (previous && sameSize(previous, line) && gap > line.size * 0.8) {
        const key = round(line.size);
        if (!gaps.has(key)) gaps.set(key, []);
        gaps.get(key)!.push(gap);
      }
    }
  }
  const usual = new Map([...gaps].map(([size, found]) => [size, found.sort((a, b) => a - b)[Math.floor(found.length * 0.2)]!]));
  return (size) => Math.min(usual.get(round(size)) ?? Infinity, size * MAX_LINE_SPACING);
}

function round(size: number): number {
  return Math.round(size * 2) / 2;
}
