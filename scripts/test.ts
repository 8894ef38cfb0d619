/// `npm test`: type-check both sides, build the renderer the e2e tests load, then run every
/// `*.test.ts` under node:test. `--unit` skips the build and the Chromium tests.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildRenderer } from './build.ts';

const root = join(import.meta.dirname, '..');
const unitOnly = process.argv.includes('--unit');
const skipped = new Set(['node_modules', 'build', '.git', 'dist']);

function run(label: string, command: string, args: string[]): void {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm test: ${label}: failed (exit status ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return skipped.has(entry.name) ? [] : findTests(join(dir, entry.name));
    return entry.name.endsWith('.test.ts') ? [relative(root, join(dir, entry.name))] : [];
  });
}

const tsc = join(root, 'node_modules', '.bin', 'tsc');
run('type-check (node side)', tsc, ['-p', 'tsconfig.json']);
run('type-check (renderer)', tsc, ['-p', 'renderer/tsconfig.json']);

const tests = findTests(root).filter((file) => !(unitOnly && file.includes('.e2e.')));
if (!unitOnly) {
  console.log('\n== build the renderer');
  await buildRenderer(root, true);
}
// Node 20's `--test` with a folder finds nothing, so the files are named one by one.
run(`${tests.length} test files`, process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...tests]);
