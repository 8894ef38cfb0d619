/// For the importer fuzz tests: imports files one at a time in a worker thread (importWorker.ts)
/// with its own connection to the library, each within a time limit. A file whose import runs
/// past the limit, or takes the thread down, fails the test by name instead of hanging it; the
/// thread is then started anew for the next file.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { Worker } from 'node:worker_threads';
import type { ImportResult } from '../../common/types.ts';
import { threadScript } from '../../core/threadScript.ts';
import { refusalCodes } from './fuzzRun.ts';

/// A file to import: a document (importFiles) or an exchange file (importExchange).
export interface SandboxFile {
  name: string;
  bytes: Uint8Array;
  kind: 'document' | 'exchange';
}

/// What importing one file did.
export interface ImportReport {
  /// A document as its reader alone took it (readDocumentFile); an exchange file as importExchange did.
  read: { outcome: 'read'; title: string } | { outcome: 'refused'; code: string; message: string } | { outcome: 'threw'; error: string };
  /// A document imported between two good files: what importFiles said, and whether the library
  /// then equals the library after importing the good files alone.
  batch?: { result: ImportResult; asGoodFilesAlone: boolean };
  /// An exchange file refused: whether the library stayed as it was (true when it was imported).
  unchanged?: boolean;
}

/// The sandbox over the library at `libraryPath`, stopped when the test ends.
export function importSandbox(t: TestContext, libraryPath: string, limitMs: number) {
  let worker: Worker | undefined;
  let ready: Promise<Worker> | undefined;

  const start = (): Promise<Worker> => {
    const started = threadScript(new URL('./importWorker.ts', import.meta.url), { workerData: { libraryPath } });
    worker = started;
    return new Promise((resolve, reject) => {
      started.once('message', () => resolve(started));
      started.once('error', reject);
    });
  };

  const stop = async (): Promise<void> => {
    const stopping = worker;
    worker = undefined;
    ready = undefined;
    await stopping?.terminate();
  };
  t.after(stop);

  return {
    /// Imports `file`; rejects when it takes longer than the limit or the thread dies.
    async run(file: SandboxFile): Promise<ImportReport> {
      ready ??= start();
      const thread = await ready;
      return new Promise<ImportReport>((resolve, reject) => {
        const settle = (settled: () => void) => {
          clearTimeout(timer);
          thread.off('message', onReport).off('error', onError).off('exit', onExit);
          settled();
        };
        const onReport = (report: ImportReport) => settle(() => resolve(report));
        const onError = (error: Error) => settle(() => void stop().then(() => reject(new Error(`importing ${file.name} took the thread down: ${error.stack ?? error.message}`))));
        const onExit = (code: number) => settle(() => void stop().then(() => reject(new Error(`importing ${file.name} ended the thread (exit code ${code})`))));
        const timer = setTimeout(() => settle(() => void stop().then(() => reject(new Error(`importing ${file.name} did not finish within ${limitMs} ms`)))), limitMs);
        thread.on('message', onReport).on('error', onError).on('exit', onExit);
        thread.postMessage(file);
      });
    },
  };
}

/// Asserts what every import of `file` must do: read it or refuse it with a typed error; a
/// refused document leaves the library as the good files beside it alone would, a refused
/// exchange file leaves it as it was. `report` is what the import did.
export function assertReadOrRefused(file: SandboxFile, report: ImportReport): void {
  const { read } = report;
  assert.notEqual(read.outcome, 'threw', `${file.name}: the import failed with an error that is not Excerpt's: ${'error' in read ? read.error : ''}`);
  if (read.outcome === 'refused') {
    assert.ok(refusalCodes.includes(read.code), `${file.name}: refused as "${read.code}": ${read.message}`);
    assert.ok(read.message.length > 20, `${file.name}: the refusal says nothing: ${read.message}`);
  }
  if (file.kind === 'exchange') {
    assert.equal(report.unchanged, true, `${file.name} was refused (${'message' in read ? read.message : ''}) but changed the library`);
    return;
  }
  const { result, asGoodFilesAlone } = report.batch!;
  assert.deepEqual(result.imported.filter((document) => document.name !== file.name).map((document) => document.name), ['before.txt', 'after.txt'],
    `${file.name}: the good files beside it were not both imported: ${JSON.stringify(result)}`);
  const failed = result.failed.find((failure) => failure.name === file.name);
  if (read.outcome === 'refused') {
    assert.equal(failed?.reason, read.message, `${file.name}: importFiles did not refuse it as its reader did: ${JSON.stringify(result)}`);
    assert.ok(asGoodFilesAlone, `${file.name} was refused but the library holds more than the good files beside it`);
  } else {
    assert.equal(failed, undefined, `${file.name}: read, yet not imported: ${failed?.reason}`);
  }
}

