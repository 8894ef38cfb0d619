/// Running headers, footers and page numbers: lines a PDF repeats at the top or bottom of
/// its pages for print, which are not part of the text an analyst quotes.
import type { PageLine } from './pdfLines.ts';

/// How many lines at each edge of a page may be a running header or footer.
const EDGE_LINES = 2;

/// A page number alone on its line: "7", "- 7 -", "Page 7", "Page 7 of 12", "7/12", "стр. 7".
const pageNumber = /^(?:(?:page|p\.|pg\.?|seite|pagina|página|стр\.?|страница|сахифа|bet)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|из|von|de|dan|\/)\s*\d{1,4})?$/iu;

/// The pages without their running headers and footers (a line that stands at the top or
/// bottom of most pages, counting pages that differ only in numbers, such as "Page 2 of 9",
/// as the same) and without page numbers.
export function dropRunningLines(pages: readonly (readonly PageLine[])[]): PageLine[][] {
  const edges = pages.map(edgeLines);
  const pagesWith = new Map<string, number>();
  for (const lines of edges) {
    for (const key of new Set(Array.from(lines, runningKey))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  // "Most pages": more than half of them, and at least two.
  const repeated = (line: PageLine) => pages.length >= 2 && (pagesWith.get(runningKey(line)) ?? 0) > pages.length / 2;
  return pages.map((lines, i) => lines.filter((line) => !(edges[i]!.has(line) && (repeated(line) || pageNumber.test(line.text)))));
}

/// The lines nearest the top and the bottom of the page.
function edgeLines(lines: readonly PageLine[]): Set<PageLine> {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return new Set([...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)]);
}

function runningKey(line: PageLine): string {
  return line.text.toLowerCase().replace(/\d+/g, '#');
}
