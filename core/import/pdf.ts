/// PDF import with pdfjs-dist: the text of every page in the order the file writes it, with
/// running headers, footers and page numbers dropped (pdfRunningLines.ts), lines re-joined
/// into paragraphs and line-end hyphenation undone (pdfParagraphs.ts, joinLines.ts), and
/// text in a clearly larger font made headings. The title is the file's Title property when
/// it is a real title, else the first line(s) in the largest font on the first page; the
/// date is a date line near the top. pdfjs reads the file in a thread of its own (pdfThread.ts),
/// without eval, font loading or any fetch.
import type { Node } from 'prosemirror-model';
import { schema } from '../../common/schema.ts';
import { withTitleHeading } from './documentStart.ts';
import { titleFrom, unreadable, type ImportedDocument } from './importedDocument.ts';
import { pdfBlocks, type PdfBlock } from './pdfParagraphs.ts';
import { dropRunningLines } from './pdfRunningLines.ts';
import { readPdfTextInThread } from './pdfThread.ts';
import { titleFromProperties } from './propertyTitle.ts';
import { DATE_LINE_WINDOW, findPublicationDate } from './publicationDate.ts';

/// The document in a .pdf file.
export async function readPdf(bytes: Uint8Array): Promise<ImportedDocument> {
  checkEnvelope(bytes);
  const text = await readPdfTextInThread(bytes);
  const blocks = pdfBlocks(dropRunningLines(text.pages));
  if (blocks.length === 0) {
    throw unreadable('it holds no text: its pages are probably scanned images. Run text recognition (OCR) on it, save the result as a PDF with text, and import that.');
  }
  const title = titleFromProperties(text.title) ?? titleOfFirstPage(blocks);
  const language = text.language !== null && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(text.language) ? text.language : undefined;
  return {
    title: titleFrom(title),
    published: findPublicationDate(blocks.slice(0, DATE_LINE_WINDOW).map((block) => block.text)),
    ...(language ? { language } : {}),
    doc: withTitleHeading(docOf(blocks), title),
  };
}

/// Refuses what is not a whole PDF before pdfjs sees it: pdfjs repairs what it can and would
/// quietly import the first pages of a file cut off in the middle.
function checkEnvelope(bytes: Uint8Array): void {
  const latin1 = (part: Uint8Array) => Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('latin1');
  if (!latin1(bytes.subarray(0, 1024)).includes('%PDF-')) {
    throw unreadable('it is not a PDF: it does not begin the way every PDF does, so it may be another kind of file with a ".pdf" name. Open it to see what it is.');
  }
  // Like Acrobat, accept the end-of-file mark anywhere in the last 1,024 bytes.
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF')) {
    throw unreadable('it is cut off (truncated): a PDF ends with an end-of-file mark and this one does not, so part of it is missing. Download or save it again and import the new copy.');
  }
}

/// The first block in the largest font on the first page with text. Its printed lines are
/// layout, not the author's, so a block of several lines is one title.
function titleOfFirstPage(blocks: readonly PdfBlock[]): string {
  const firstPage = blocks.filter((block) => block.page === blocks[0]!.page);
  const largest = Math.max(...firstPage.map((block) => block.size));
  return firstPage.find((block) => block.size === largest)!.text;
}

function docOf(blocks: readonly PdfBlock[]): Node {
  const nodes: Node[] = [];
  let items: Node[] = [];
  const endList = () => {
    if (items.length > 0) nodes.push(schema.node('bullet_list', null, items));
    items = [];
  };
  for (const block of blocks) {
    const text = schema.text(block.text);
    if (block.kind === 'item') {
      items.push(schema.node('list_item', null, schema.node('paragraph', null, text)));
      continue;
    }
    endList();
    nodes.push(block.kind === 'heading' ? schema.node('heading', { level: block.level }, text) : schema.node('paragraph', null, text));
  }
  endList();
  return schema.node('doc', null, nodes);
}
