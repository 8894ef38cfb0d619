import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { emptySnapshot, sampleSnapshot } from '../testing/exportSample.ts';
import { unparsableXmlParts, withForbiddenCharacters } from '../testing/forbiddenCharacters.ts';
import type { ExportSnapshot } from './excerpts.ts';
import { cellText, EXCEL_CELL_LIMIT, snapshotToXlsx } from './xlsx.ts';

// exceljs reads an ArrayBuffer (its types call it Buffer); a copy holds exactly the file's bytes.
const load = (bytes: Uint8Array) => new ExcelJS.Workbook().xlsx.load(bytes.slice().buffer);

async function readBack(snapshot: ExportSnapshot): Promise<ExcelJS.Workbook> {
  return load(await snapshotToXlsx(snapshot));
}

// Each row's cell values from column A, an empty cell as undefined.
const valuesOf = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((row) => Array.from(row as ExcelJS.CellValue[]).slice(1));

test('the Excerpts sheet has a row per excerpt with its document, place, tags, quote and note', async () => {
  const workbook = await readBack(sampleSnapshot());
  assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['Excerpts', 'Codebook']);
  const url = 'https://example.org/press/2021/11/data-flows?lang=en&view=full';
  const title = 'Joint statement on trusted data flows';
  const source = 'Ministry of Digital Affairs';
  assert.deepEqual(valuesOf(workbook.getWorksheet('Excerpts')!), [
    ['Document ID', 'Title', 'Date', 'Source', 'URL', 'Paragraph', 'Tags', 'Excerpt', 'Start', 'End', 'Note', 'Created', 'Modified'],
    [11, title, '2021-11-19', source, url, 2, 'Trade; Security › Cybercrime', 'The ministers agreed that *trusted* data flows need <b>common</b> rules & safeguards.', 26, 111,
      'Compare with the 2019 wording: "rules" was "principles".', '2026-02-01T09:30:00.000Z', '2026-02-01T10:15:00.000Z'],
    [11, title, '2021-11-19', source, url, 3, 'Security', 'Security cooperation remains a priority for both governments.', 113, 174, undefined, '2026-02-02T09:30:00.000Z', '2026-02-02T10:15:00.000Z'],
    [11, title, '2021-11-19', source, url, 4, 'Trade', 'Both sides will set up a joint working group.\n\nIts first report is due in spring 2022.', 176, 262, 'Follow up\nin spring.', '2026-02-03T09:30:00.000Z', '2026-02-03T10:15:00.000Z'],
    [12, 'Заявление о сотрудничестве в сфере кибербезопасности', undefined, 'Пресс-служба', undefined, 1, 'Security › Cybercrime',
      'Стороны договорились обмениваться сведениями об инцидентах 😊 в течение 24 часов.', 0, 80, 'Срок — 24 часа.', '2026-02-04T09:30:00.000Z', '2026-02-04T10:15:00.000Z'],
  ]);
});

test('the Codebook sheet has a row per tag, parents first, with its path and codebook entry', async () => {
  const workbook = await readBack(sampleSnapshot());
  assert.deepEqual(valuesOf(workbook.getWorksheet('Codebook')!), [
    ['Path', 'Name', 'Parent', 'Colour', 'Description', 'When to use', 'When not to use', 'Example', 'Shortcut'],
    ['Security', 'Security', undefined, '#aa3333', 'Statements about national or collective security.', undefined, undefined, undefined, 's'],
    ['Security › Cybercrime', 'Cybercrime', 'Security', '#3366cc', 'Crime committed through or against computer systems.',
      'The statement names offences, investigations or cooperation between police forces.', 'General remarks about "the internet" with no crime in view.',
      'Both agencies will share evidence on ransomware attacks.', 'c'],
    ['Trade', 'Trade', undefined, '#33aa66', 'Tariffs, market access, data flows as commerce.'],
  ]);
});

test('the header is bold, frozen and filterable; columns have widths, quotes wrap, texts and dates are Text', async () => {
  const workbook = await readBack(sampleSnapshot());
  for (const sheet of workbook.worksheets) {
    assert.equal(sheet.getRow(1).getCell(1).font?.bold, true, sheet.name);
    assert.deepEqual(sheet.views.map((view) => [view.state, 'ySplit' in view ? view.ySplit : undefined]), [['frozen', 1]], sheet.name);
    assert.ok(sheet.autoFilter, sheet.name);
    assert.ok(sheet.columns.every((column) => (column.width ?? 0) >= 9), sheet.name);
  }
  const excerpts = workbook.getWorksheet('Excerpts')!;
  const row = excerpts.getRow(2);
  assert.equal(row.getCell('H').alignment?.wrapText, true);
  assert.ok((excerpts.getColumn('H').width ?? 0) >= 60);
  assert.equal(row.getCell('C').type, ExcelJS.ValueType.String);
  assert.equal(row.getCell('C').numFmt, '@');
  assert.equal(row.getCell('A').type, ExcelJS.ValueType.Number);
});

test('a text that looks like a formula is stored as a string, never as a formula', async () => {
  const snapshot = sampleSnapshot();
  const dangerous = ['=1+1', '+1+1', '-1+1', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://example.org","click")'];
  const [first] = snapshot.excerpts;
  snapshot.excerpts = dangerous.map((text, i) => ({ ...first!, text, note: text, document: { ...first!.document, title: text, source: text }, start: i }));
  snapshot.codebook = snapshot.codebook.map((tag) => ({ ...tag, name: '=1+1', description: '=cmd|\' /C calc\'!A0' }));
  const bytes = await snapshotToXlsx(snapshot);
  // Read the sheets' XML itself: a formula is an <f> element, a string cell is t="s" (shared) or t="inlineStr".
  const files = unzipSync(bytes);
  for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) assert.doesNotMatch(strFromU8(files[name]!), /<f[ >]/, name);
  const workbook = await load(bytes);
  const excerpts = workbook.getWorksheet('Excerpts')!;
  dangerous.forEach((text, i) => {
    for (const column of ['B', 'D', 'H', 'K']) {
      const cell = excerpts.getRow(i + 2).getCell(column);
      assert.equal(cell.type, ExcelJS.ValueType.String, `${column}${i + 2}`);
      // XML reads a carriage return as a line feed, which is how Excel breaks a line in a cell anyway.
      assert.equal(cell.value, text.replace('\r', '\n'));
      assert.equal(cell.numFmt, '@');
    }
  });
  assert.equal(excerpts.getCell('G2').value, '=1+1; =1+1 › =1+1');
  const codebook = workbook.getWorksheet('Codebook')!;
  assert.equal(codebook.getCell('B2').value, '=1+1');
  assert.equal(codebook.getCell('B2').type, ExcelJS.ValueType.String);
  assert.equal(codebook.getCell('A3').value, '=1+1 › =1+1');
});

test('an export with no excerpts still has both sheets with their headers', async () => {
  const workbook = await readBack(emptySnapshot());
  assert.deepEqual(workbook.worksheets.map((sheet) => [sheet.name, sheet.rowCount]), [['Excerpts', 1], ['Codebook', 1]]);
});

test('characters XML forbids are left out of every cell, so Excel opens the file; everything else reads as before', async () => {
  const bytes = await snapshotToXlsx(withForbiddenCharacters(sampleSnapshot()));
  // libxml2 refuses a forbidden character as Excel does; the part refused before was xl/sharedStrings.xml.
  assert.deepEqual(unparsableXmlParts(bytes), []);
  const [salted, clean] = [await load(bytes), await readBack(sampleSnapshot())];
  for (const name of ['Excerpts', 'Codebook']) {
    // Quotes, notes, titles, sources, tag paths and entries, emoji and Cyrillic: all as without them.
    assert.deepEqual(valuesOf(salted.getWorksheet(name)!), valuesOf(clean.getWorksheet(name)!), name);
  }
  assert.equal(salted.getWorksheet('Excerpts')!.getCell('H5').value, 'Стороны договорились обмениваться сведениями об инцидентах 😊 в течение 24 часов.');
});

test('a text written like a file-format escape (_x0041_) reads back as written; a long note of emoji comes through whole, and one too long for a cell is cut, marked, at a whole character', async () => {
  const snapshot = sampleSnapshot();
  const first = snapshot.excerpts[0]!;
  const long = `${'😊'.repeat(20_000)}end`;
  snapshot.excerpts[0] = { ...first, text: 'Code _x0041_ and _X00e9_ and _x41_ stay', note: long };
  const sheet = (await readBack(snapshot)).getWorksheet('Excerpts')!;
  assert.equal(sheet.getCell('H2').value, 'Code _x0041_ and _X00e9_ and _x41_ stay');
  const note = sheet.getCell('K2').value as string;
  assert.ok(note.length <= EXCEL_CELL_LIMIT, `${note.length} characters`);
  const mark = ' [cut here: an Excel cell holds 32,767 characters; the CSV and JSON exports hold the whole text]';
  assert.ok(note.endsWith(mark));
  const kept = note.slice(0, -mark.length);
  assert.equal(kept, '😊'.repeat(kept.length / 2), 'cut between two characters, never inside one');
  assert.equal(cellText('short note'), 'short note');
});
