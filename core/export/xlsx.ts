/// Excerpts as an Excel workbook, for analysts who sort, filter and count them: a sheet
/// "Excerpts" with one row per excerpt and a sheet "Codebook" with one row per tag. Text
/// stays text: every library text is a string cell in a column formatted as Text, so a date
/// is not turned into a number and a quote like "=1+1" is never evaluated, on opening or on
/// editing the cell.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Tag } from '../../common/types.ts';
import { tagPaths } from './brief.ts';
import { TAG_SEPARATOR } from './csv.ts';
import type { Excerpt, ExportSnapshot } from './excerpts.ts';
import { xmlCharacters } from './xmlCharacters.ts';

/// One column of a sheet: its header, width in characters, what it holds and how it shows.
interface Column<Row> {
  header: string;
  width: number;
  /// `text` is formatted as Text; `long` too, wrapped in its cell; `number` is a number.
  kind: 'text' | 'long' | 'number';
  value: (row: Row) => string | number | null;
}

/// The bytes of the .xlsx file. Written by exceljs's streaming writer: its in-memory writer hands
/// each part to JSZip as one string, which encodes it in 16K-unit chunks and so breaks an emoji
/// that straddles two chunks into U+FFFD (a long note of emoji came out damaged); the streaming
/// writer encodes each row whole.
export async function snapshotToXlsx(snapshot: ExportSnapshot): Promise<Uint8Array> {
  const paths = tagPaths(snapshot.codebook);
  const file = new PassThrough();
  const chunks: Buffer[] = [];
  file.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Excerpt';
  addSheet(workbook, 'Excerpts', excerptColumns(paths), snapshot.excerpts);
  addSheet(workbook, 'Codebook', codebookColumns(paths), snapshot.codebook);
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

function excerptColumns(paths: ReadonlyMap<number, string>): Column<Excerpt>[] {
  return [
    { header: 'Document ID', width: 12, kind: 'number', value: (e) => e.document.id },
    { header: 'Title', width: 40, kind: 'text', value: (e) => e.document.title },
    { header: 'Date', width: 12, kind: 'text', value: (e) => e.document.published },
    { header: 'Source', width: 24, kind: 'text', value: (e) => e.document.source },
    { header: 'URL', width: 36, kind: 'text', value: (e) => e.document.url },
    { header: 'Paragraph', width: 10, kind: 'number', value: (e) => e.paragraph },
    // Paths, not bare names: two tags may share a name under different parents.
    { header: 'Tags', width: 32, kind: 'text', value: (e) => e.tagIds.map((id, i) => paths.get(id) ?? e.tags[i]).join(TAG_SEPARATOR) },
    { header: 'Excerpt', width: 80, kind: 'long', value: (e) => e.text },
    { header: 'Start', width: 9, kind: 'number', value: (e) => e.start },
    { header: 'End', width: 9, kind: 'number', value: (e) => e.end },
    { header: 'Note', width: 40, kind: 'long', value: (e) => e.note },
    { header: 'Created', width: 25, kind: 'text', value: (e) => e.created },
    { header: 'Modified', width: 25, kind: 'text', value: (e) => e.modified },
  ];
}

function codebookColumns(paths: ReadonlyMap<number, string>): Column<Tag>[] {
  return [
    { header: 'Path', width: 36, kind: 'text', value: (t) => paths.get(t.id) ?? t.name },
    { header: 'Name', width: 24, kind: 'text', value: (t) => t.name },
    { header: 'Parent', width: 30, kind: 'text', value: (t) => (t.parentId === null ? null : paths.get(t.parentId) ?? null) },
    { header: 'Colour', width: 10, kind: 'text', value: (t) => t.color },
    { header: 'Description', width: 50, kind: 'long', value: (t) => t.description },
    { header: 'When to use', width: 40, kind: 'long', value: (t) => t.whenToUse },
    { header: 'When not to use', width: 40, kind: 'long', value: (t) => t.whenNotToUse },
    { header: 'Example', width: 40, kind: 'long', value: (t) => t.example },
    { header: 'Shortcut', width: 10, kind: 'text', value: (t) => t.shortcut },
  ];
}

// A sheet with a bold header row that stays in view and filters, and a row per item. Texts go
// in as cellText makes them; empty ones are left as empty cells, so Excel's "blanks" filter
// finds them.
function addSheet<Row>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly Column<Row>[], rows: readonly Row[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(({ header, width, kind }) => ({
    header,
    width,
    style: { ...(kind === 'number' ? {} : { numFmt: '@' }), alignment: { vertical: 'top', wrapText: kind === 'long' } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const row of rows) {
    sheet.addRow(columns.map((column) => {
      const value = column.value(row);
      return typeof value === 'string' ? cellText(value) || null : value;
    })).commit();
  }
  sheet.commit();
}

/// The most characters Excel holds in a cell; a longer text makes it repair the file.
export const EXCEL_CELL_LIMIT = 32_767;
const CUT_MARK = ' [cut here: an Excel cell holds 32,767 characters; the CSV and JSON exports hold the whole text]';

/// A library text as a cell holds it: without the characters XML forbids (Excel refuses a file
/// holding one), cut to fit a cell (never inside a character), and with a written `_x0041_`
/// kept as written (the file format reads `_xHHHH_` as an escaped character; `_x005F_` is `_`).
export function cellText(text: string): string {
  let fit = xmlCharacters(text);
  if (fit.length > EXCEL_CELL_LIMIT) {
    let end = EXCEL_CELL_LIMIT - CUT_MARK.length;
    if (/[\uDC00-\uDFFF]/.test(fit[end]!)) end--;
    fit = fit.slice(0, end) + CUT_MARK;
  }
  return fit.replace(/_x[0-9A-Fa-f]{4}_/g, (escape) => `_x005F${escape}`);
}
