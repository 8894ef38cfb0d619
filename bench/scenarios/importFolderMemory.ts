/// `import.memory`: the peak memory of `excerpt import FOLDER` on a folder of 10,000
/// plain-text press releases (about 3 KB each, in ten subfolders), run as the analyst runs
/// it: the real CLI in its own process. Baseline: the peak memory of a process that puts
/// the same rows into a library with the same schema (so the full-text triggers fire) with
/// raw better-sqlite3 inserts in one transaction, reading them one at a time: the least
/// memory the work takes (Node, better-sqlite3 and SQLite's caches; the schema comes from
/// migrations/*.sql, so none of the app is loaded). Both peaks are the processes' maximum
/// resident set size as `/usr/bin/time` reports it (from the kernel, so nothing is missed
/// between samples).
///
/// value and baseline are MB; ratio = value / baseline (how many times the raw insert's
/// memory the CLI needs). The target is the issue's: under 500 MB for a 10,000-file folder.
///
/// This file is also the baseline's child process: `--raw-insert SOURCE TARGET` copies the
/// documents of the library SOURCE into a new library TARGET.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { generatePressReleases } from '../pressReleases.ts';
import type { Measurement, Scenario } from '../scenario.ts';

const ID = 'import.memory';
const DOCUMENTS = 10_000;
const PER_FOLDER = 1_000;
const TIME = '/usr/bin/time';
const root = join(import.meta.dirname, '..', '..');

// Written here rather than imported: the baseline's process loads this file and must not load the app.
function progress(message: string): void {
  process.stderr.write(`bench: ${ID}: ${message}\n`);
}

/// The import.memory scenario that `npm run bench` runs.
export const scenario: Scenario = {
  id: ID,
  unit: 'MB',
  target: 'value<=500',
  async run(): Promise<Measurement> {
    if (!existsSync(TIME)) throw new Error(`${ID}: ${TIME} is missing; install it (apt-get install time) to measure peak memory.`);
    const dir = mkdtempSync(join(tmpdir(), 'excerpt-bench-memory-'));
    try {
      progress(`writing ${DOCUMENTS} press releases to a folder`);
      const folder = join(dir, 'press releases');
      generatePressReleases(DOCUMENTS).forEach((release, i) => {
        const sub = join(folder, `batch-${String(Math.floor(i / PER_FOLDER) + 1).padStart(2, '0')}`);
        if (i % PER_FOLDER === 0) mkdirSync(sub, { recursive: true });
        writeFileSync(join(sub, release.name), release.content);
      });

      progress('excerpt import (the CLI, in its own process)');
      const cliDb = join(dir, 'cli.sqlite');
      const cli = await peakMegabytes([join(root, 'bin', 'excerpt'), '--db', cliDb, 'import', folder], dir);
      expectDocuments(cliDb, 'the CLI');
      progress(`CLI peak ${cli.toFixed(0)} MB`);

      progress('raw insert of the same rows (its own process)');
      const rawDb = join(dir, 'raw.sqlite');
      const raw = await peakMegabytes([process.execPath, '--import', 'tsx', import.meta.filename, '--raw-insert', cliDb, rawDb], dir);
      expectDocuments(rawDb, 'the raw insert');
      progress(`raw insert peak ${raw.toFixed(0)} MB`);
      return { value: cli, baseline: raw, ratio: cli / raw };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/// Runs `command` to its end under /usr/bin/time; its maximum resident set size in MB.
async function peakMegabytes(command: string[], dir: string): Promise<number> {
  const report = join(dir, 'peak.txt');
  const child = spawn(TIME, ['-f', '%M', '-o', report, ...command], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const status = await new Promise<number | null>((done, fail) => child.on('error', fail).on('close', done));
  if (status !== 0) throw new Error(`${ID}: ${command.slice(-4).join(' ')} exited with ${status}:\n${stderr}`);
  return Number(readFileSync(report, 'utf8').trim().split('\n').at(-1)) / 1024;
}

function expectDocuments(path: string, who: string): void {
  const db = new Database(path, { readonly: true });
  try {
    const count = db.prepare('SELECT count(*) FROM documents').pluck().get();
    // Every generated release ends with a "Reference:" line, so the index must find them all.
    const indexed = db.prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'reference'").pluck().get();
    if (count !== DOCUMENTS || indexed !== DOCUMENTS) {
      throw new Error(`${ID}: ${who} stored ${String(count)} documents and indexed ${String(indexed)}; expected ${DOCUMENTS}.`);
    }
  } finally {
    db.close();
  }
}

/// The baseline's work: every document row of `source`, read one at a time, inserted into a
/// new library at `target` in one transaction.
function rawInsert(source: string, target: string): void {
  const from = new Database(source, { readonly: true });
  const to = new Database(target);
  try {
    to.pragma('journal_mode = WAL');
    to.pragma('synchronous = NORMAL');
    const migrations = join(root, 'migrations');
    for (const file of readdirSync(migrations).filter((name) => name.endsWith('.sql')).sort()) to.exec(readFileSync(join(migrations, file), 'utf8'));
    const rows = from.prepare('SELECT title, source, published_at, imported_at, content_hash, doc_json, text FROM documents ORDER BY id');
    const insert = to.prepare(`
      INSERT INTO documents (title, source, published_at, imported_at, content_hash, doc_json, text)
      VALUES (@title, @source, @published_at, @imported_at, @content_hash, @doc_json, @text)`);
    to.transaction(() => {
      for (const row of rows.iterate()) insert.run(row);
    })();
  } finally {
    to.close();
    from.close();
  }
}

if (process.argv[2] === '--raw-insert' && resolve(process.argv[1] ?? '') === import.meta.filename) {
  rawInsert(process.argv[3]!, process.argv[4]!);
}
