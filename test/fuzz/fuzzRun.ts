/// How the fuzz tests run: from a fixed seed, so that `npm test` is the same run every time and a
/// failure can be replayed, unless EXCERPT_FUZZ_SEED names another; EXCERPT_FUZZ_RUNS multiplies
/// the number of runs of every property (for a longer hunt than CI's).
import fc from 'fast-check';
import type { ExcerptErrorCode } from '../../common/errors.ts';

/// How Excerpt may refuse what a caller or a file sends: 'internal' is a bug, 'forbidden' a
/// host's refusal of the caller itself.
export const refusalCodes: readonly string[] = ['invalid-argument', 'not-found', 'conflict', 'unsupported'] satisfies ExcerptErrorCode[];

const seedVariable = process.env.EXCERPT_FUZZ_SEED;
/// The seed every property of this process starts from.
export const fuzzSeed = seedVariable === undefined || seedVariable === '' ? 20_260_302 : Number(seedVariable);
const runsFactor = Number(process.env.EXCERPT_FUZZ_RUNS || 1);

/// Checks `property` on `runs` (times EXCERPT_FUZZ_RUNS) generated cases from the seed; a
/// failure names the seed, and the command that replays it, before fast-check's report
/// (the shrunk case and its path). `shrink: false` reports the first failing case as it came,
/// for properties whose every try may cost a time limit.
export async function fuzz<T>(label: string, property: fc.IAsyncPropertyWithHooks<T> | fc.IAsyncProperty<T>, runs: number, { shrink = true } = {}): Promise<void> {
  try {
    await fc.assert(property, { seed: fuzzSeed, numRuns: Math.max(1, Math.round(runs * runsFactor)), endOnFailure: !shrink });
  } catch (error) {
    const longer = runsFactor === 1 ? '' : `EXCERPT_FUZZ_RUNS=${runsFactor} `;
    const replay = `EXCERPT_FUZZ_SEED=${fuzzSeed} ${longer}node --test --import tsx ${process.argv[1] ?? '<test file>'}`;
    const report = error instanceof Error ? `${error.message}\n${String(error.cause ?? '')}` : String(error);
    throw new Error(`${label} failed with fuzz seed ${fuzzSeed}. Replay it: ${replay}\n${report}`);
  }
}
