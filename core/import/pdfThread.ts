/// Reads PDFs in a thread of their own (pdfWorker.ts), one file at a time, so that a file made to
/// stall pdfjs (a character map of millions of codes keeps it busy for minutes) or to exhaust its
/// memory is stopped and refused while the process goes on answering. The thread is kept for
/// the next PDF and started anew after it is stopped. Where no thread can be started, PDFs are
/// read in the calling thread, as before there was one.
import type { Worker } from 'node:worker_threads';
import { ExcerptError, type ExcerptErrorJson } from '../../common/errors.ts';
import { threadScript } from '../threadScript.ts';
import { unreadable } from './importedDocument.ts';
import { MAX_PDF_PAGE_SECONDS, MAX_PDF_THREAD_MEGABYTES } from './limits.ts';
import { readPdfText, type PdfText } from './pdfText.ts';

/// What the thread tells: it is ready; a file opened or a page was read; a file's text; a refusal.
export type PdfThreadMessage = { kind: 'ready' } | { kind: 'progress' } | { kind: 'read'; text: PdfText } | { kind: 'refused'; error: ExcerptErrorJson };

/// The thread, once started; null when none could be.
let thread: Promise<Worker | null> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/// The text of the PDF `bytes`, read in the PDF thread after the files before it.
export function readPdfTextInThread(bytes: Uint8Array): Promise<PdfText> {
  const turn = queue.then(() => readInThread(bytes));
  queue = turn.catch(() => undefined);
  return turn;
}

async function readInThread(bytes: Uint8Array): Promise<PdfText> {
  const worker = await (thread ??= startThread());
  if (!worker) return readPdfText(bytes);
  worker.ref();
  return new Promise<PdfText>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit).unref();
      settle();
    };
    // A stopped thread is not used again: the next file starts a new one.
    const stop = (refusal: ExcerptError) => finish(() => {
      thread = undefined;
      void worker.terminate();
      reject(refusal);
    });
    const watch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => stop(unreadable(`a page of it took longer than ${MAX_PDF_PAGE_SECONDS} seconds to read, where a page of text takes a moment; ` +
        'it is damaged or made to stall programs that read it. Open it in a PDF viewer, print it to a new PDF, and import that.')), MAX_PDF_PAGE_SECONDS * 1000);
    };
    const onMessage = (message: PdfThreadMessage) => {
      if (message.kind === 'progress') return watch();
      if (message.kind === 'read') finish(() => resolve(message.text));
      else if (message.kind === 'refused') finish(() => reject(ExcerptError.fromJSON(message.error)));
    };
    const onError = (error: NodeJS.ErrnoException) => stop(unreadable(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? `reading it took more than the ${MAX_PDF_THREAD_MEGABYTES} MB of memory Excerpt gives one PDF; it is damaged or made to exhaust programs that read it. Open it in a PDF viewer, print it to a new PDF, and import that.`
      : `it could not be read as a PDF (${error.message}). Open it in a PDF viewer, save or print it to a new PDF, and import that.`));
    const onExit = () => stop(unreadable('it could not be read as a PDF: its reader stopped. Open it in a PDF viewer, save or print it to a new PDF, and import that.'));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    watch();
    worker.postMessage(bytes);
  });
}

/// Starts the thread; resolves once it is ready, or with null when it cannot start.
function startThread(): Promise<Worker | null> {
  return new Promise((resolve) => {
    const worker = threadScript(new URL('./pdfWorker.ts', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: MAX_PDF_THREAD_MEGABYTES } });
    // An idle thread does not keep the process alive.
    worker.unref();
    const unavailable = (error: Error) => {
      console.warn(`Excerpt: PDFs are read without a thread of their own, so without a time limit (${error.message}).`);
      resolve(null);
    };
    worker.once('error', unavailable).once('message', () => {
      // From now on a thread that fails between files is only dropped; the next file starts another.
      worker.off('error', unavailable).on('error', () => void (thread = undefined));
      resolve(worker);
    });
  });
}
