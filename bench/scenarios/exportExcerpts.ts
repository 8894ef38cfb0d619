/// `export.csv`, `export.w3c`: the 100,000 tagged highlights of a generated library of 2,000
/// press releases (exportLibrary.ts) exported as the app exports them, through the service's
/// exportExcerpts: one read transaction of readExportSnapshot (quote, code-point offsets,
/// paragraph, tags), then the format's writer (CSV; W3C Web Annotations as JSON-LD). The
/// baseline is the plainest way to the same rows: one SELECT of the same columns of the same
/// highlights (annotations joined to their documents, with their tag names and ids), each row's
/// values joined with tabs and the rows with newlines into one string, with no code-point
/// conversion, no quoting, no JSON. Its tag names come from correlated subqueries, as the
/// export's own query gets them: a GROUP BY over the join to the tags took half as long again.
///
/// value and baseline are milliseconds, each the median of RUNS rounds (the two sides alternate
/// which goes first); ratio = value / baseline, and the target lets the export take at most half
/// as long again as the baseline. Every file is checked outside the timing, so a measurement
/// cannot time an empty export: the CSV must have its header and one line per highlight, the
/// W3C collection one annotation per highlight, and sample rows must hold their quote at their
/// code-point offsets in the document's text; a wrong file makes the scenario MISS. Each side
/// starts from a collected heap (`npm run bench` exposes the collector): otherwise it pays, at
/// random, for the garbage of the other side and of the checks (a parse of the 100 MB W3C file),
/// which made single rounds vary by half. The process's peak resident memory goes to stderr.
import Papa from 'papaparse';
import type { ExportFormat } from '../../common/exportFormats.ts';
import type { ExportedFile } from '../../common/types.ts';
import { CSV_HEADER } from '../../core/export/csv.ts';
import type { Library } from '../../core/library.ts';
import { exportLibrary } from '../exportLibrary.ts';
import { progress } from '../importMeasurement.ts';
import type { Measurement, Scenario } from '../scenario.ts';
import { median } from '../statistics.ts';

const RUNS = 5;

/// What a check of one exported file needs: the library's texts and how many rows to expect.
interface CheckContext {
  highlights: number;
  /// The canonical text of a document.
  textOf(documentId: number): string;
  /// The document a highlight stands in.
  documentOfHighlight(annotationId: number): number;
}

/// What was wrong with an exported file, or nothing.
type Check = (content: string, context: CheckContext) => string[];

/// The export.csv scenario.
export const exportCsv = exportScenario('export.csv', 'csv', checkCsv);
/// The export.w3c scenario.
export const exportW3c = exportScenario('export.w3c', 'w3c', checkW3c);
/// Both, for `npm run bench`.
export const scenarios: Scenario[] = [exportCsv, exportW3c];

function exportScenario(id: string, format: ExportFormat, check: Check): Scenario {
  return {
    id,
    unit: 'ms',
    target: 'ratio<=1.5',
    async run(): Promise<Measurement> {
      const { library, highlights } = exportLibrary(id);
      const context = checkContext(library, highlights);
      const writePlainRows = plainRowWriter(library);
      const exportTimes: number[] = [];
      const baselineTimes: number[] = [];
      const flaws = new Set<string>();
      let peakRss = 0;
      // The process's high-water mark when the first export ends, before any check parses a file.
      let exportPeak = 0;
      let bytes = 0;
      for (let round = 0; round < RUNS; round++) {
        // Alternate which side goes first, so neither always runs on a warmer machine.
        for (const side of round % 2 === 0 ? ['export', 'baseline'] : ['baseline', 'export']) {
          collectGarbage();
          if (side === 'export') {
            const started = performance.now();
            const file: ExportedFile = await library.service.exportExcerpts({ format });
            exportTimes.push(performance.now() - started);
            peakRss = Math.max(peakRss, process.memoryUsage().rss);
            exportPeak ||= process.resourceUsage().maxRSS * 1024;
            bytes ||= Buffer.byteLength(file.content, 'utf8');
            for (const flaw of file.encoding === 'utf8' ? check(file.content, context) : [`the ${format} export is not text`]) flaws.add(flaw);
          } else {
            const started = performance.now();
            const plain = writePlainRows();
            baselineTimes.push(performance.now() - started);
            peakRss = Math.max(peakRss, process.memoryUsage().rss);
            if (plain.rows !== highlights || plain.text.length === 0) throw new Error(`${id}: the baseline wrote ${plain.rows} rows, not ${highlights}.`);
          }
        }
        progress(id, `round ${round + 1}: export ${exportTimes.at(-1)!.toFixed(0)} ms, plain rows ${baselineTimes.at(-1)!.toFixed(0)} ms`);
      }
      const value = median(exportTimes);
      const baseline = median(baselineTimes);
      const megabytes = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
      progress(id, `a ${(bytes / 1e6).toFixed(1)} MB file; resident memory: ${megabytes(peakRss)} at most right after a side (its output still held), ` +
        `${megabytes(exportPeak)} the process's peak by the end of the first export, ${megabytes(process.resourceUsage().maxRSS * 1024)} by the end with the checks`);
      for (const flaw of flaws) progress(id, `wrong: ${flaw}`);
      return { value, baseline, ratio: value / baseline, ...(flaws.size > 0 && { flaw: [...flaws][0]! }) };
    },
  };
}

/// A full collection, when the process was started with --expose-gc (as `npm run bench` is).
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/// The baseline: the same highlights' columns, as the export's query picks them (placed,
/// tagged, in document then reading order), written as tab-separated lines (a context holds
/// line breaks, so the rows are counted, not the lines).
function plainRowWriter(library: Library): () => { text: string; rows: number } {
  const select = library.db.prepare<[], unknown[]>(`
    SELECT a.id, a.document_id, d.title, d.source, d.published_at, d.source_url, a."start", a."end",
           a.exact, a.prefix, a.suffix, a.note, a.created_at, a.updated_at,
           (SELECT group_concat(t.name, '; ') FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = a.id),
           (SELECT group_concat(x.tag_id) FROM annotation_tags x WHERE x.annotation_id = a.id)
    FROM annotations a JOIN documents d ON d.id = a.document_id
    WHERE a.review_reason IS NULL AND EXISTS (SELECT 1 FROM annotation_tags x WHERE x.annotation_id = a.id)
    ORDER BY a.document_id, a."start", a."end", a.id`).raw();
  return () => {
    const rows = select.all();
    return { text: rows.map((row) => row.join('\t')).join('\n'), rows: rows.length };
  };
}

function checkContext(library: Library, highlights: number): CheckContext {
  const text = library.db.prepare<[number], string>('SELECT text FROM documents WHERE id = ?').pluck();
  const documentOf = library.db.prepare<[number], number>('SELECT document_id FROM annotations WHERE id = ?').pluck();
  return {
    highlights,
    textOf: (documentId) => text.get(documentId) ?? '',
    documentOfHighlight: (annotationId) => documentOf.get(annotationId) ?? 0,
  };
}

/// A byte-order mark, the header, one CRLF-ended line per highlight (no generated field holds
/// a line break); the first, middle and last rows parsed as CSV and held against the texts.
function checkCsv(content: string, context: CheckContext): string[] {
  const header = `\uFEFF${CSV_HEADER.join(',')}\r\n`;
  if (!content.startsWith(header)) return [`the CSV does not start with a byte-order mark and the header: ${JSON.stringify(content.slice(0, 120))}`];
  const lines = content.split('\r\n');
  // The file ends with a line end, after which split finds one empty string.
  if (lines.length - 1 !== context.highlights + 1 || lines.at(-1) !== '') {
    return [`the CSV has ${lines.length - 1} lines, not ${context.highlights + 1} (the header and one per highlight)`];
  }
  return [1, lines.length >> 1, lines.length - 2].flatMap((index) => {
    const fields = Papa.parse<string[]>(lines[index]!).data[0] ?? [];
    const [documentId, , , , tags, excerpt, start, end] = fields;
    if (fields.length !== CSV_HEADER.length) return [`CSV line ${index + 1} has ${fields.length} fields, not ${CSV_HEADER.length}`];
    if (!tags) return [`CSV line ${index + 1} has no tags`];
    return quoteFlaws(`CSV line ${index + 1}`, context.textOf(Number(documentId)), Number(start), Number(end), excerpt!);
  });
}

/// The parts of a W3C export a check reads.
interface W3cCollection {
  type?: string;
  total?: number;
  first?: { items?: W3cAnnotation[] };
}

interface W3cAnnotation {
  id: string;
  target: { selector: ({ type: 'TextQuoteSelector'; exact: string } | { type: 'TextPositionSelector'; start: number; end: number })[] };
}

/// An AnnotationCollection of one annotation per highlight; the first, middle and last held
/// against the texts, found by the highlight id in their own id.
function checkW3c(content: string, context: CheckContext): string[] {
  let collection: W3cCollection;
  try {
    collection = JSON.parse(content) as W3cCollection;
  } catch (error) {
    return [`the W3C export is not JSON: ${(error as Error).message}`];
  }
  const items = collection.first?.items ?? [];
  if (collection.type !== 'AnnotationCollection' || collection.total !== context.highlights || items.length !== context.highlights) {
    return [`the W3C export is a ${collection.type} of ${collection.total} (${items.length} items), not an AnnotationCollection of ${context.highlights}`];
  }
  return [0, items.length >> 1, items.length - 1].flatMap((index) => {
    const { id, target } = items[index]!;
    const quote = target.selector.find((selector) => selector.type === 'TextQuoteSelector');
    const position = target.selector.find((selector) => selector.type === 'TextPositionSelector');
    if (!quote || !position) return [`W3C annotation ${index} lacks a quote or a position selector`];
    const text = context.textOf(context.documentOfHighlight(Number(id.slice(id.lastIndexOf(':') + 1))));
    return quoteFlaws(`W3C annotation ${index}`, text, position.start, position.end, quote.exact);
  });
}

/// Whether `quote` is what `text` holds from code point `start` to `end`.
function quoteFlaws(where: string, text: string, start: number, end: number, quote: string): string[] {
  const found = Array.from(text).slice(start, end).join('');
  return quote !== '' && found === quote ? [] : [`${where}: code points ${start}–${end} of its document hold "${found}", not the quote "${quote}"`];
}
