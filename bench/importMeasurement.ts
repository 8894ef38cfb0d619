/// What every import scenario measures: files imported through the service (importFiles
/// in batches, as a host sends them) against a raw better-sqlite3 insert of the same rows
/// into a library with the same schema (so the full-text triggers fire) in one
/// transaction, in the same run. Rounds alternate which side goes first; the best of each
/// side counts, since the machine's background noise only ever slows a run down.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Library } from '../core/library.ts';
import type { Measurement } from './scenario.ts';

/// How one import scenario runs.
export interface ImportRun {
  /// Scenario id, for messages.
  id: string;
  /// The files as importFiles takes them (bytes in base64). Every file's text must contain
  /// the word "reference", by which the raw insert checks its full-text index.
  files: { name: string; bytes: string }[];
  /// Files per importFiles call.
  batch: number;
  /// Rounds of (service, baseline); more than `minRounds` only while within half the budget.
  minRounds: number;
  maxRounds: number;
  budgetMs: number;
}

interface Row {
  title: string;
  source: string | null;
  published_at: string | null;
  imported_at: string;
  content_hash: string;
  doc_json: string;
  text: string;
}

/// Documents per second through the service (value) and through a raw insert (baseline);
/// ratio is the slowdown, baseline rate / service rate.
export async function measureImport(run: ImportRun): Promise<Measurement> {
  const started = performance.now();
  let rows: Row[] = [];
  let bestService = 0;
  let bestBaseline = 0;
  for (let round = 0; round < run.maxRounds; round++) {
    if (round >= run.minRounds && performance.now() - started > run.budgetMs / 2) break;
    // The first round must run the service first (it yields the rows); after that the
    // order alternates so neither side always runs on a warmer machine.
    const serviceFirst = round % 2 === 0;
    for (const side of serviceFirst ? ['service', 'baseline'] : ['baseline', 'service']) {
      if (side === 'service') {
        const result = await withTempLibrary((library) => serviceImport(run, library));
        rows = result.rows;
        bestService = Math.max(bestService, result.rate);
        progress(run.id, `round ${round + 1}: service ${result.rate.toFixed(0)} docs/s`);
      } else {
        const rate = await withTempLibrary(async (library) => rawInsert(run.id, library, rows));
        bestBaseline = Math.max(bestBaseline, rate);
        progress(run.id, `round ${round + 1}: raw insert ${rate.toFixed(0)} docs/s`);
      }
    }
  }
  return { value: bestService, baseline: bestBaseline, ratio: bestBaseline / bestService };
}

async function serviceImport(run: ImportRun, library: Library): Promise<{ rate: number; rows: Row[] }> {
  const { files, batch } = run;
  const start = performance.now();
  for (let i = 0; i < files.length; i += batch) {
    const result = await library.service.importFiles({ files: files.slice(i, i + batch) });
    if (result.imported.length !== Math.min(batch, files.length - i)) {
      throw new Error(`${run.id}: the service did not import every generated file: ${JSON.stringify(result.failed[0] ?? result.duplicates[0])}`);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const rows = library.db.prepare<[], Row>(
    'SELECT title, source, published_at, imported_at, content_hash, doc_json, text FROM documents ORDER BY id').all();
  return { rate: files.length / seconds, rows };
}

function rawInsert(id: string, library: Library, rows: readonly Row[]): number {
  const insert = library.db.prepare<Row>(`
    INSERT INTO documents (title, source, published_at, imported_at, content_hash, doc_json, text)
    VALUES (@title, @source, @published_at, @imported_at, @content_hash, @doc_json, @text)`);
  const start = performance.now();
  library.db.transaction(() => {
    for (const row of rows) insert.run(row);
  })();
  const seconds = (performance.now() - start) / 1000;
  const indexed = library.db.prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'reference'").pluck().get();
  if (indexed !== rows.length) throw new Error(`${id}: the raw insert indexed ${String(indexed)} of ${rows.length} rows.`);
  return rows.length / seconds;
}

/// A fresh library (same migrations, pragmas and triggers as the app's), removed afterwards.
async function withTempLibrary<T>(work: (library: Library) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'excerpt-bench-'));
  const library = openLibrary(join(dir, 'library.sqlite'));
  try {
    return await work(library);
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/// A progress line on stderr (stdout carries only the BENCH lines).
export function progress(id: string, message: string): void {
  process.stderr.write(`bench: ${id}: ${message}\n`);
}
