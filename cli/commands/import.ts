/// `excerpt import PATH...`: adds files, and the readable files inside folders, to the library.
/// Each document's line goes to stdout only once it is committed, so the output is a list of
/// acknowledged writes.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ExcerptError } from '../../common/errors.ts';
import { isExchangeFile } from '../../common/exchangeFiles.ts';
import type { ExcerptService } from '../../core/service.ts';
import { readArguments, tsvField, UsageError, type Invocation } from '../command.ts';
import { withLibrary } from '../library.ts';
import { importableExtensions } from '../../core/import/index.ts';
import { checkFileSize } from '../../core/import/limits.ts';
import { collectFiles } from '../../core/import/collectFiles.ts';

/// The text of "excerpt import --help".
export const help = `Usage: excerpt [--db PATH] import PATH...

Adds documents to the library. PATH is a file or a folder; folders are searched
recursively for ${importableExtensions.join(', ')} files (other files in them are left alone).

A file from another analysis tool is taken whole: a REFI-QDA project (.qdpx: its texts,
codebook and coded passages) or codebook (.qdc), or W3C Web Annotations (.jsonld) of
documents already in the library. What it added is reported on stderr, with each part that
had to be left out.

For each document added, prints "<id>\\t<title>" as soon as it is saved. A file whose
content is already in the library is reported on stderr and skipped. A file that cannot be
imported gets one line on stderr saying why; the others are still imported.

Exit status: 0 all imported (or already there), 1 some file failed, 2 usage error.
`;

/// Runs `excerpt import`; resolves to the exit status.
export async function run(invocation: Invocation): Promise<number> {
  const parsed = readArguments('import', { help }, invocation, {});
  if (!parsed) return 0;
  if (parsed.positionals.length === 0) throw new UsageError('name at least one file or folder to import.', 'import');
  const exchanged = parsed.positionals.filter(isExchangeFile);
  const { files, problems, emptyFolders } = await collectFiles(parsed.positionals.filter((path) => !isExchangeFile(path)));
  for (const problem of problems) complain(problem.path, problem.reason);
  for (const folder of emptyFolders) process.stderr.write(`excerpt: ${folder} holds no ${importableExtensions.join(', ')} files; nothing to import from it.\n`);
  let failed = problems.length;
  if (files.length === 0 && exchanged.length === 0) return failed > 0 ? 1 : 0;
  await withLibrary(parsed.db, { create: true }, async (library) => {
    for (const file of files) {
      if (!(await importOne(library.service, file.path))) failed++;
    }
    for (const path of exchanged) {
      if (!(await importExchangeFile(library.service, path))) failed++;
    }
  });
  return failed > 0 ? 1 : 0;
}

/// Imports a file from another analysis tool, and says what it added and what it left out.
async function importExchangeFile(service: ExcerptService, path: string): Promise<boolean> {
  try {
    checkFileSize((await stat(path)).size);
    const result = await service.importExchange({ name: basename(path), bytes: (await readFile(path)).toString('base64') });
    process.stderr.write(`excerpt: ${path}: ${result.documentsImported} documents imported (${result.documentsFound} already there), ` +
      `${result.tagsCreated} tags added (${result.tagsFound} already there), ${result.highlightsPlaced} highlights placed (${result.highlightsAlreadyThere} already there).\n`);
    for (const problem of result.problems) process.stderr.write(`excerpt: ${path}: left out: ${problem}\n`);
    return true;
  } catch (error) {
    if (error instanceof ExcerptError) complain(path, error.message);
    else complain(path, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    return false;
  }
}

/// Imports one file in its own call, so its line is printed right after its own commit.
async function importOne(service: ExcerptService, path: string): Promise<boolean> {
  let bytes: Buffer;
  try {
    // A file over the size limit is refused from its size, before it is read into memory.
    checkFileSize((await stat(path)).size);
    bytes = await readFile(path);
  } catch (error) {
    complain(path, error instanceof ExcerptError ? error.message : `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    return false;
  }
  try {
    const result = await service.importFiles({ files: [{ name: basename(path), bytes: bytes.toString('base64') }] });
    for (const doc of result.imported) process.stdout.write(`${doc.id}\t${tsvField(doc.title)}\n`);
    for (const doc of result.duplicates) {
      process.stderr.write(`excerpt: ${path} is already in the library as document ${doc.id} ("${doc.title}"); not imported again.\n`);
    }
    for (const failure of result.failed) complain(path, failure.reason);
    return result.failed.length === 0;
  } catch (error) {
    if (!(error instanceof ExcerptError)) throw error;
    complain(path, error.message);
    return false;
  }
}

/// One line on stderr; `reason` finishes the sentence "<path> was not imported: ...".
function complain(path: string, reason: string): void {
  process.stderr.write(`excerpt: ${path} was not imported: ${reason}\n`);
}
