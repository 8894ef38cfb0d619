/// Runs in a worker thread of importSandbox.ts: imports one file at a time into the library at
/// `workerData.libraryPath`, each import rolled back, and reports what happened. In a thread of
/// its own an import that never ends can be stopped from outside.
import { parentPort, workerData } from 'node:worker_threads';
import { ExcerptError } from '../../common/errors.ts';
import { readDocumentFile } from '../../core/import/index.ts';
import { openLibrary, type Library } from '../../core/library.ts';
import { textFile } from '../../core/testing/tempLibrary.ts';
import { fingerprint, withRollback } from './fuzzLibrary.ts';
import type { ImportReport, SandboxFile } from './importSandbox.ts';

/// Two good files that go into every import of a document beside the file under test.
const goodFiles = [
  textFile('before.txt', 'Communiqué on port inspections\n\n4 April 2024\n\nThe inspectors will share their reports.'),
  textFile('after.txt', 'Statement on fisheries quotas\n\n5 April 2024\n\nThe ministers agreed the quotas for next year.'),
];

/// The library as an import left it, with the one column that differs from run to run made equal.
function importedPrint(library: Library): string {
  library.db.exec("UPDATE documents SET imported_at = 'imported'");
  return fingerprint(library);
}

async function read(name: string, bytes: Uint8Array): Promise<ImportReport['read']> {
  try {
    return { outcome: 'read', title: (await readDocumentFile(name, bytes)).title };
  } catch (error) {
    if (error instanceof ExcerptError) return { outcome: 'refused', code: error.code, message: error.message };
    return { outcome: 'threw', error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error) };
  }
}

const library = openLibrary(workerData.libraryPath as string);
const seed = fingerprint(library);
let goodOnly = '';
await withRollback(library, 'importFiles', () => library.service.importFiles({ files: goodFiles }), () => void (goodOnly = importedPrint(library)));

async function importOne({ name, bytes, kind }: SandboxFile): Promise<ImportReport> {
  const base64 = Buffer.from(bytes).toString('base64');
  if (kind === 'exchange') {
    let report: ImportReport | undefined;
    await withRollback(library, 'importExchange', () => library.service.importExchange({ name, bytes: base64 }).then(
      (): ImportReport['read'] => ({ outcome: 'read', title: name }),
      (error: unknown): ImportReport['read'] => (error instanceof ExcerptError
        ? { outcome: 'refused', code: error.code, message: error.message }
        : { outcome: 'threw', error: String(error) }),
    ), (outcome) => void (report = { read: outcome, unchanged: outcome.outcome === 'read' || fingerprint(library) === seed }));
    return report!;
  }
  const report: ImportReport = { read: await read(name, bytes) };
  await withRollback(library, 'importFiles', () => library.service.importFiles({ files: [goodFiles[0]!, { name, bytes: base64 }, goodFiles[1]!] }), (result) => {
    report.batch = { result, asGoodFilesAlone: importedPrint(library) === goodOnly };
  });
  return report;
}

parentPort!.on('message', (file: SandboxFile) => {
  importOne(file).then((report) => parentPort!.postMessage(report), (error: unknown) => parentPort!.postMessage({ read: { outcome: 'threw', error: String(error) } }));
});
parentPort!.postMessage('ready');
