/// What pdfjs-dist reads from a PDF: the lines of text of every page and the Title and Language
/// properties. Runs in the PDF thread (pdfThread.ts), or in the calling thread when no thread
/// can be started. pdfjs runs without eval, font loading or any fetch.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ExcerptError } from '../../common/errors.ts';
import { unreadable } from './importedDocument.ts';
import { describeCount, MAX_PDF_PAGES } from './limits.ts';
import { pageLines, type PageLine, type TextRun } from './pdfLines.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.min.mjs');
let loaded: Promise<PdfJs> | undefined;

/// The text of a PDF, as plain data (it crosses to the thread that asked for it).
export interface PdfText {
  pages: PageLine[][];
  /// The Title and Language properties, when the file states them as text.
  title: string | null;
  language: string | null;
}

/// Reads `bytes` with pdfjs, calling `onProgress` once the file is open and after each page;
/// throws an ExcerptError saying why a file cannot be read.
export async function readPdfText(bytes: Uint8Array, onProgress: () => void = () => {}): Promise<PdfText> {
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
    onProgress();
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw unreadable(`it has ${describeCount(pdf.numPages)} pages, more than the ${describeCount(MAX_PDF_PAGES)} Excerpt reads from one PDF. Split it into smaller PDFs and import those.`);
    }
    const pages: PageLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageLines(content.items.filter((item): item is TextRun & typeof item => 'str' in item)));
      page.cleanup();
      onProgress();
    }
    const { info } = (await pdf.getMetadata()) as { info: { Title?: unknown; Language?: unknown } };
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return { pages, title: text(info.Title), language: text(info.Language) };
  } catch (error) {
    throw refusal(error);
  } finally {
    await task.destroy();
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

/// pdfjs, loaded with the first PDF: it is large, and most imports hold none.
export function loadPdfJs(): Promise<PdfJs> {
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
