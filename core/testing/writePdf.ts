/// For tests: a small PDF writer. Each line of text is placed where the test says, in any
/// script (the font maps its codes straight to Unicode), so a test can lay out running
/// headers, page numbers, paragraphs, indentation and hyphenated line ends exactly, and
/// can write what no PDF library would: an encrypted file whose password nobody knows.

/// One line of text on a page; x and y in points from the bottom left (A4 is 595 x 842).
export interface PdfLine {
  text: string;
  x: number;
  y: number;
  size: number;
}

/// What to write.
export interface PdfOptions {
  /// The Title of the document information dictionary.
  title?: string;
  /// Adds a standard security handler whose user password is unknown (the reader needs one).
  encrypted?: boolean;
}

/// The bytes of a PDF with one page per entry of `pages`, each line in the order given.
export function writePdf(pages: readonly (readonly PdfLine[])[], options: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const firstPage = 8;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>');
  add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 500 >>');
  add(stream(toUnicodeMap()));
  add('<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [-200 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>');
  add(`<< /Producer (Excerpt tests)${options.title === undefined ? '' : ` /Title ${utf16(options.title)}`} >>`);
  for (const lines of pages) {
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length + 2} 0 R >>`);
    add(stream(lines.map((line) => `BT /F1 ${line.size} Tf 1 0 0 1 ${line.x} ${line.y} Tm ${utf16(line.text, false)} Tj ET`).join('\n')));
  }
  if (options.encrypted) add(`<< /Filter /Standard /V 1 /R 2 /O <${'4f'.repeat(32)}> /U <${'55'.repeat(32)}> /P -44 >>`);

  let pdf = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(pdf, 'latin1');
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}`;
  const encryption = options.encrypted ? ` /Encrypt ${objects.length} 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]` : '';
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R${encryption} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/// Text as a hex string of UTF-16 code units: the codes of the font, and a Unicode title.
function utf16(text: string, byteOrderMark = true): string {
  const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i).toString(16).padStart(4, '0'));
  return `<${byteOrderMark ? 'feff' : ''}${units.join('')}>`;
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

/// Maps every two-byte code to the UTF-16 unit of the same number.
function toUnicodeMap(): string {
  const ranges = Array.from({ length: 256 }, (_, high) => {
    const h = high.toString(16).padStart(2, '0');
    return `<${h}00> <${h}ff> <${h}00>`;
  });
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CMapName /Excerpt-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <ffff> endcodespacerange',
    ...[0, 1, 2].map((i) => `${ranges.slice(i * 100, i * 100 + 100).length} beginbfrange\n${ranges.slice(i * 100, i * 100 + 100).join('\n')}\nendbfrange`),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
}

/// A one-page press release: a heading in large type, a date line, then one line per paragraph.
export function writeReleasePdf(release: { heading: string; date: string; paragraphs: readonly string[] }): Uint8Array {
  const lines: PdfLine[] = [
    { text: release.heading, x: 72, y: 760, size: 18 },
    { text: release.date, x: 72, y: 730, size: 11 },
    ...release.paragraphs.map((text, i) => ({ text, x: 72, y: 700 - 26 * i, size: 11 })),
  ];
  return writePdf([lines]);
}
