/// The crash-safety harness: real Excerpt processes (`excerpt serve` driven over HTTP, and
/// `excerpt import` of folders) write to one library and are killed with SIGKILL at random
/// moments. After each kill the library is opened as the next process would open it and
/// checked: SQLite's and the full-text index's integrity checks pass, every acknowledged write
/// is there as acknowledged, and whatever was in flight is there whole or not at all. Then the
/// next process carries on with the same library.
import { join } from 'node:path';
import { seededRandom } from '../../bench/pressReleases.ts';
import { openLibrary } from '../../core/library.ts';
import { textFile } from '../../core/testing/tempLibrary.ts';
import { ensureRendererBuilt } from '../../scripts/build.ts';
import { bundleExcerpt, startExcerptProcess, type ExcerptProcess } from './excerptProcess.ts';
import { importLife } from './importLife.ts';
import { inspectLibrary, type Inspection, type OpenInspection } from './inspectLibrary.ts';
import type { LifeContext, LifeOutcome } from './life.ts';
import { LibraryModel, type AcknowledgedWrites, type Reconciliation } from './libraryModel.ts';
import { ReleaseSource } from './releases.ts';
import { serveLife } from './serveLife.ts';

const root = join(import.meta.dirname, '..', '..');

/// How long a process may work once it answers (its first answer, or its first line): its kill
/// falls at a random moment within (life.ts). A tenth of the kills fall while it starts instead.
const SERVE_WORK_MS = 800;
const IMPORT_WORK_MS = 200;
/// Share of lives that are `excerpt import` rather than `excerpt serve`.
const IMPORT_LIVES = 0.15;
/// Processes loading their modules ahead of their turn (a start costs over a second of CPU).
const WARMING = 2;
const notes = ['first mention', 'Erstnennung — „ITU-Rolle“', 'première mention, à vérifier', 'первое упоминание', 'see the 2021 statement 🙂'];

export interface CrashOptions {
  kills: number;
  seed: number;
  /// A folder for the library and the folders imported; the caller removes it.
  dir: string;
  /// Progress lines.
  log?: (line: string) => void;
}

export interface CrashReport {
  seed: number;
  kills: number;
  /// Lives that ended by themselves (an import that finished before its kill).
  completed: number;
  /// Kills that fell before the process had the library open and answered anything.
  killedWhileStarting: number;
  /// Writes the killed processes acknowledged, in all and by kind.
  acknowledged: number;
  acknowledgedByKind: AcknowledgedWrites;
  /// Lives that were `excerpt import` (the others: `excerpt serve`).
  importLives: number;
  /// Kills that left at least one write in flight, and those writes in all.
  killsWithWritesInFlight: number;
  writesInFlight: number;
  /// Writes in flight that the library shows committed (the kill fell between commit and answer).
  committedInFlight: number;
  /// Acknowledged writes missing or changed: must stay empty.
  lost: string[];
  /// Libraries that failed an integrity check: must stay empty.
  corrupt: string[];
  /// Writes there in part, rows nobody wrote: must stay empty.
  notWhole: string[];
  /// Refused writes and processes that misbehaved: must stay empty.
  surprises: string[];
  seconds: number;
}

/// The line a run ends with: the figures that must hold.
export function summaryLine(report: CrashReport): string {
  return `crash harness: kills run ${report.kills}, writes acknowledged ${report.acknowledged}, writes lost ${report.lost.length}, ` +
    `corrupt libraries ${report.corrupt.length}, writes not whole ${report.notWhole.length}, surprises ${report.surprises.length}`;
}

/// The line after it: what the run did.
export function detailLine(report: CrashReport): string {
  const { created, edited, deleted, imported, reissued } = report.acknowledgedByKind;
  return `  acknowledged: ${created} highlights created, ${edited} edited, ${deleted} deleted, ${imported} documents imported, ${reissued} re-issued; ` +
    `${report.killsWithWritesInFlight} kills interrupted ${report.writesInFlight} writes in flight (${report.committedInFlight} found committed); ` +
    `${report.killedWhileStarting} kills fell while starting; ${report.importLives} lives were imports, ${report.completed} of them finished first; ` +
    `seed ${report.seed}, ${report.seconds.toFixed(0)} s`;
}

/// Runs until `kills` kills have been checked, or the first check that fails.
export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const report: CrashReport = {
    seed: options.seed, kills: 0, completed: 0, importLives: 0, killedWhileStarting: 0, acknowledged: 0,
    acknowledgedByKind: { created: 0, edited: 0, deleted: 0, imported: 0, reissued: 0 }, killsWithWritesInFlight: 0, writesInFlight: 0,
    committedInFlight: 0, lost: [], corrupt: [], notWhole: [], surprises: [], seconds: 0,
  };
  // `excerpt serve` refuses to start without the built interface.
  await ensureRendererBuilt(root);
  const libraryPath = join(options.dir, 'library.sqlite');
  const random = seededRandom(options.seed);
  const model = new LibraryModel();
  const releases = new ReleaseSource(options.seed);
  const tagIds = await startLibrary(libraryPath, model, releases);
  // What counts is what the killed processes acknowledged, not the library's first documents.
  const setUp = { ...model.acknowledged };
  let written = 0;
  // The connection of the last check: closed once the next process has the file open.
  let inspection: OpenInspection | undefined;
  const closeInspection = (): void => {
    inspection?.close();
    inspection = undefined;
  };
  const ctx: LifeContext = {
    libraryPath, model, releases, tagIds, random,
    nextNote: () => `w${++written} ${notes[written % notes.length]}`,
    opened: closeInspection,
  };
  const bundle = await bundleExcerpt();
  const start = (): ExcerptProcess => startExcerptProcess(bundle);
  const warming: ExcerptProcess[] = Array.from({ length: WARMING }, start);
  try {
    for (let life = 1; report.kills < options.kills; life++) {
      const excerpt = warming.shift()!;
      warming.push(start());
      await excerpt.warm;
      const importing = random() < IMPORT_LIVES;
      if (importing) report.importLives++;
      const outcome = importing
        ? await importLife(excerpt, ctx, join(options.dir, 'imports', String(life)), IMPORT_WORK_MS)
        : await serveLife(excerpt, ctx, SERVE_WORK_MS);
      closeInspection();
      tally(report, outcome);
      inspection = inspectLibrary(libraryPath);
      check(report, model.reconcile(inspection), inspection);
      for (const kind of Object.keys(setUp) as (keyof AcknowledgedWrites)[]) report.acknowledgedByKind[kind] = model.acknowledged[kind] - setUp[kind];
      report.acknowledged = Object.values(report.acknowledgedByKind).reduce((sum, count) => sum + count, 0);
      if (report.corrupt.length + report.notWhole.length + report.lost.length + report.surprises.length > 0) break;
      if (report.kills % 50 === 0 && outcome.killed) options.log?.(`${summaryLine(report)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    closeInspection();
    await Promise.all(warming.map((excerpt) => excerpt.kill()));
    bundle.remove();
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/// Adds what the check after a kill found to the report.
function check(report: CrashReport, found: Reconciliation, inspection: Inspection): void {
  const after = (problem: string): string => `after kill ${report.kills}: ${problem}`;
  report.corrupt.push(...inspection.corruption.map(after));
  report.notWhole.push(...[...inspection.notWhole, ...found.notWhole].map(after));
  report.lost.push(...found.lost.map(after));
  report.committedInFlight += found.committedInFlight;
}

function tally(report: CrashReport, outcome: LifeOutcome): void {
  report.surprises.push(...outcome.surprises);
  if (!outcome.killed) {
    report.completed++;
    return;
  }
  report.kills++;
  if (outcome.killedWhileStarting) report.killedWhileStarting++;
  if (outcome.writesInFlight > 0) report.killsWithWritesInFlight++;
  report.writesInFlight += outcome.writesInFlight;
}

/// A new library with a small codebook and a few releases to highlight, written in this
/// process before any kill; returns the tag ids.
async function startLibrary(libraryPath: string, model: LibraryModel, releases: ReleaseSource): Promise<number[]> {
  const library = openLibrary(libraryPath);
  try {
    const tagIds: number[] = [];
    for (const name of ['ITU role', 'Information crime convention', 'Sovereignty', 'UN negotiation process', 'Multistakeholder model', 'Norms']) {
      tagIds.push((await library.service.createTag({ name })).id);
    }
    const first = await releases.fresh(6);
    const result = await library.service.importFiles({ files: first.map((r) => textFile(r.name, r.content)) });
    for (const imported of result.imported) model.imported(imported.id, first.find((release) => release.name === imported.name)!);
    return tagIds;
  } finally {
    library.close();
  }
}
