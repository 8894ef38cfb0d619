/// `npm run test:crash [-- --kills N] [--seed N]`: the crash harness's long form (1,000 kills
/// unless told otherwise). Prints a progress line every 50 kills and the summary; on a failed
/// check, what failed and where the library was left for a look. Exit status 1 then.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { detailLine, runCrashHarness, summaryLine } from './harness.ts';

const usage = 'Usage: npm run test:crash [-- --kills N] [--seed N]';

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    console.error(`test:crash: --${name} takes a whole number of at least 1, not "${value}".\n${usage}`);
    process.exit(2);
  }
  return Number(value);
}

let options;
try {
  options = parseArgs({ options: { kills: { type: 'string' }, seed: { type: 'string' } }, strict: true }).values;
} catch (error) {
  console.error(`test:crash: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const kills = wholeNumber('kills', options.kills, 1000);
const seed = wholeNumber('seed', options.seed, Math.floor(Math.random() * 1_000_000));

const dir = mkdtempSync(join(tmpdir(), 'excerpt-crash-'));
console.log(`test:crash: ${kills} kills, seed ${seed}, library in ${dir}`);
const report = await runCrashHarness({ kills, seed, dir, log: (line) => console.log(line) });
console.log(summaryLine(report));
console.log(detailLine(report));
const failures = [...report.corrupt, ...report.lost, ...report.notWhole, ...report.surprises];
if (failures.length === 0 && report.kills >= kills) {
  rmSync(dir, { recursive: true, force: true });
} else {
  for (const failure of failures.slice(0, 20)) console.error(`  ${failure}`);
  if (failures.length > 20) console.error(`  … and ${failures.length - 20} more`);
  console.error(`test:crash: FAILED; the library is kept in ${dir}`);
  process.exitCode = 1;
}
