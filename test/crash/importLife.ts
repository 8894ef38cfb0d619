/// One life of `excerpt import FOLDER` under the crash harness: a folder of new releases, and
/// the command killed part-way. It prints a document's line only once the document is
/// committed, so each line is an acknowledged write; the files it had not printed when killed
/// are writes in flight (the one it was storing may be there, whole, or not at all).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExcerptProcess } from './excerptProcess.ts';
import { killAt, killMoment, type LifeContext, type LifeOutcome } from './life.ts';

/// Files in each folder: more than an import gets through before its kill in most lives, few
/// enough that a long run's library (and the check after each kill) stays small.
const FILES = 20;

/// Imports a folder of new releases into the library, killed up to `workMs` after its first
/// document is committed (or while it starts: life.ts).
export async function importLife(excerpt: ExcerptProcess, ctx: LifeContext, folder: string, workMs: number): Promise<LifeOutcome> {
  const outcome: LifeOutcome = { killed: false, killedWhileStarting: true, writesInFlight: 0, surprises: [] };
  const releases = await ctx.releases.fresh(FILES);
  mkdirSync(folder, { recursive: true });
  for (const release of releases) writeFileSync(join(folder, release.name), release.content);
  const unprinted = new Map(releases.map((release) => [release.title, release]));
  if (unprinted.size < releases.length) outcome.surprises.push(`two generated releases share a title: ${releases.map((release) => release.title).join(' | ')}`);

  let signalWorking: () => void;
  const working = new Promise<void>((resolve) => (signalWorking = resolve));
  excerpt.run(['--db', ctx.libraryPath, 'import', folder], (line) => {
    const [id, title] = line.split('\t') as [string, string | undefined];
    const release = title === undefined ? undefined : unprinted.get(title);
    if (!release) return void outcome.surprises.push(`excerpt import printed a line for no file it was given: ${line}`);
    if (outcome.killedWhileStarting) {
      ctx.opened();
      signalWorking();
    }
    outcome.killedWhileStarting = false;
    unprinted.delete(title!);
    ctx.model.imported(Number(id), release);
  });
  outcome.killed = await killAt(excerpt, killMoment(ctx.random, working, workMs), () => {});
  // Lines it wrote before the kill are still read to the end of the pipe.
  const ending = await excerpt.ended;
  if (!outcome.killed && (ending.status !== 0 || unprinted.size > 0)) {
    outcome.surprises.push(`excerpt import ended with status ${ending.status}, ${unprinted.size} files unprinted: ${excerpt.stderr()}`);
  }
  if (unprinted.size > 0) {
    ctx.model.unanswered({ kind: 'import', releases: [...unprinted.values()] });
    if (outcome.killed) outcome.writesInFlight = 1;
  }
  rmSync(folder, { recursive: true, force: true });
  return outcome;
}
