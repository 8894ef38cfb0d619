/// The lines of a PDF page. A PDF holds runs of glyphs placed at coordinates, not lines or
/// words: runs on one baseline become a line, with a space where the runs stand apart.

/// A line of text on a page and where it stands, in points from the bottom left.
export interface PageLine {
  text: string;
  left: number;
  right: number;
  /// Baseline height.
  y: number;
  /// Font size, the largest in the line.
  size: number;
}

/// What the line builder needs of a pdfjs text item.
export interface TextRun {
  str: string;
  /// [a, b, c, d, x, y]: scale, skew and position of the run.
  transform: number[];
  width: number;
  hasEOL: boolean;
}

/// Two runs further apart than this (in ems) are separate words.
const WORD_GAP = 0.15;
/// Runs whose baselines differ by more than this (in ems) are on different lines.
const BASELINE_TOLERANCE = 0.5;

/// The page's lines in the order the PDF writes them (its reading order, as producers write
/// it), each with runs joined and whitespace collapsed; empty lines are left out.
export function pageLines(runs: readonly TextRun[]): PageLine[] {
  const lines: PageLine[] = [];
  let line: PageLine | null = null;
  let ended = false;
  for (const run of runs) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = run.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    if (!/\S/.test(run.str)) {
      ended ||= run.hasEOL;
      continue;
    }
    const startsLine = !line || ended ||
      Math.abs(y - line.y) > Math.max(size, line.size) * BASELINE_TOLERANCE ||
      x < line.right - Math.max(size, line.size);
    if (startsLine) {
      if (line) lines.push(line);
      line = { text: run.str, left: x, right: x + run.width, y, size };
    } else if (line) {
      const apart = x - line.right > Math.max(size, line.size) * WORD_GAP;
      line.text += apart && !/\s$/.test(line.text) && !/^\s/.test(run.str) ? ` ${run.str}` : run.str;
      line.right = Math.max(line.right, x + run.width);
      line.size = Math.max(line.size, size);
    }
    ended = run.hasEOL;
  }
  if (line) lines.push(line);
  return lines.flatMap((found) => {
    const text = found.text.replace(/\s+/g, ' ').replace(/\p{Cc}/gu, '').trim();
    return text ? [{ ...found, text }] : [];
  });
}
