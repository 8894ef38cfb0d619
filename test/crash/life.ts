/// What one life of an Excerpt process under the crash harness shares with the harness, and
/// how it ends: killed with SIGKILL at a moment drawn in advance, unless it ended first.
import type { ExcerptProcess } from './excerptProcess.ts';
import type { LibraryModel } from './libraryModel.ts';
import type { ReleaseSource } from './releases.ts';

export interface LifeContext {
  libraryPath: string;
  model: LibraryModel;
  releases: ReleaseSource;
  /// The codebook's tag ids.
  tagIds: number[];
  /// Numbers in [0, 1), from the run's seed.
  random: () => number;
  /// A note no other write of the run has used, so a write in flight can be told by its note.
  nextNote(): string;
  /// Called once the process has the library file open.
  opened(): void;
}

export interface LifeOutcome {
  /// false when the process ended by itself before its kill (an import that finished).
  killed: boolean;
  /// Killed before it had the library open and answered anything.
  killedWhileStarting: boolean;
  /// Writes sent to it (or files given to it) that it had not acknowledged when killed.
  writesInFlight: number;
  /// Writes it answered with a refusal, or other surprises; each fails the run.
  surprises: string[];
}

/// Share of kills drawn within a process's start (opening and migrating the library) rather
/// than while it works, and how long a start is taken to last.
const KILLS_WHILE_STARTING = 0.1;
const START_MS = 300;

/// A moment to kill a process: mostly a random one within `workMs` after `working` (it has the
/// library open and is writing), sometimes a random one of its start. Drawn from `random`.
export function killMoment(random: () => number, working: Promise<void>, workMs: number): Promise<void> {
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  if (random() < KILLS_WHILE_STARTING) return wait(random() * START_MS);
  const ms = random() * workMs;
  return working.then(() => wait(ms));
}

/// Kills `excerpt` at `moment` unless it ends first; `dying` runs just before the signal.
/// Resolves to whether it was killed.
export async function killAt(excerpt: ExcerptProcess, moment: Promise<void>, dying: () => void): Promise<boolean> {
  const killed = await Promise.race([moment.then(() => true), excerpt.ended.then(() => false)]);
  if (killed) {
    dying();
    await excerpt.kill();
  }
  return killed;
}
