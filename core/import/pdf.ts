/// PDF import with pdfjs-dist: the text of every page in the order the file writes it, with
/// running headers, footers and page numbers dropped (pdfRunningLines.ts), lines re-joined
/// into paragraphs and line-end hyphenation undone (pdfParagraphs.ts, joinLines.ts), and
/// text in a clearly larger font made headings. The title is the file's Title property when
/// it is a real title, else the first line(s) in the largest font on the first page; the
/// date is a date line near the top. pdfjs runs without eval, font loading or any fetch.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Node } from 'prosemirror-model';
import { ExcerptError } from '../../common/errors.ts';
import { schema } from '../../common/schema.ts';
import { withTitleHeading } from './documentStart.ts';
import { titleFrom, unreadable, type ImportedDocument } from './importedDocument.ts';
import { describeCount, MAX_PDF_PAGES } from './limits.ts';
import { pageLines, type PageLine, type TextRun } from './pdfLines.ts';
import { pdfBlocks, type PdfBlock } from './pdfParagraphs.ts';
import { dropRunningLines } from './pdfRunningLines.ts';
import { titleFromProperties } from './propertyTitle.ts';
import { DATE_LINE_WINDOW, findPublicationDate } from './publicationDate.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.min.mjs');
let loaded: Promise<PdfJs> | undefined;

/// The document in a .pdf file.
export async function readPdf(bytes: Uint8Array): Promise<ImportedDocument> {
  checkEnvelope(bytes);
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdfjs takes over the buffer it is given (it may detach it), so it gets a copy of its
    // own; a Buffer's slice would share, and may share Node's pool with other buffers.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    standardFontDataUrl: packageFolder('standard_fonts'),
    cMapUrl: packageFolder('cmaps'),
    cMapPacked: true,
    verbosity: 0, // errors only: warnings about fonts are pdfjs's business, not the analyst's
  });
  try {
    const pdf = await task.promise;
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw unreadable(`it has ${describeCount(pdf.numPages)} pages, more than the ${describeCount(MAX_PDF_PAGES)} Excerpt reads from one PDF. Split it into smaller PDFs and import those.`);
    }
    const pages: PageLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageLines(content.items.filter((item): item is TextRun & typeof item => 'str' in item)));
      page.cleanup();
    }
    const blocks = pdfBlocks(dropRunningLines(pages));
    if (blocks.length === 0) {
      throw unreadable('it holds no text: its pages are probably scanned images. Run text recognition (OCR) on it, save the result as a PDF with text, and import that.');
    }
    const { info } = (await pdf.getMetadata()) as { info: { Title?: unknown; Language?: unknown } };
    const title = titleFromProperties(info.Title) ?? titleOfFirstPage(blocks);
    const language = typeof info.Language === 'string' && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(info.Language) ? info.Language : undefined;
    return {
      title: titleFrom(title),
      published: findPublicationDate(blocks.slice(0, DATE_LINE_WINDOW).map((block) => block.text)),
      ...(language ? { language } : {}),
      doc: withTitleHeading(docOf(blocks), title),
    };
  } catch (error) {
    throw refusal(error);
  } finally {
    await task.destroy();
  }
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

function refusal(error: unknown): ExcerptError {
  if (error instanceof ExcerptError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return unreadable('it is protected by a password; open it with the password, save an unprotected copy (or print it to a new PDF) and import that.');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return unreadable(`it is damaged and cannot be read as a PDF (${detail}). Open it in a PDF viewer, save or print it to a new PDF, and import that.`);
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

/// pdfjs, loaded with the first PDF: it is large, and most imports hold none.
function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    // Importing the worker's code registers it on globalThis.pdfjsWorker; pdfjs then runs it
    // in this thread and never fetches or spawns a worker script.
    await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
    return import('pdfjs-dist/legacy/build/pdf.min.mjs');
  })();
  return loaded;
}

/// A folder of the pdfjs-dist package (font metrics, character maps), read from disk; none
/// when the package cannot be located (text is still read, only less exactly placed).
function packageFolder(name: string): string | undefined {
  try {
    return `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), name)}/`;
  } catch {
    return undefined;
  }
}
