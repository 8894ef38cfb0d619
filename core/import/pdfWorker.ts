/// The thread pdfThread.ts reads PDFs in: one file per message, answered with its text or the
/// refusal, and a progress message as the file opens and after each page.
import { parentPort } from 'node:worker_threads';
import { ExcerptError } from '../../common/errors.ts';
import type { PdfThreadMessage } from './pdfThread.ts';
import { loadPdfJs, readPdfText } from './pdfText.ts';

const post = (message: PdfThreadMessage) => parentPort!.postMessage(message);

parentPort!.on('message', (bytes: Uint8Array) => {
  readPdfText(bytes, () => post({ kind: 'progress' })).then(
    (text) => post({ kind: 'read', text }),
    (error: unknown) => post({ kind: 'refused', error: (error instanceof ExcerptError ? error : new ExcerptError('internal', String(error))).toJSON() }),
  );
});
// Ready once pdfjs is loaded, so that loading it never counts against a file's time. (No
// top-level await: the desktop app's bundle of this thread is CommonJS.)
void loadPdfJs().then(() => post({ kind: 'ready' }));
