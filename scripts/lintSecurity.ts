/// `npm run lint:security`: Doyensec's electronegativity over the desktop app, that is electron/'s
/// sources (tests left out) and the page its window shows (renderer/index.html, for its CSP).
/// Fails on any HIGH or MEDIUM finding that is not one of the justified exceptions below, on an
/// exception that no longer matches anything, and on a run that checked nothing.
///
/// Electronegativity exits 0 whatever it finds, so its findings are read from its programmatic
/// run() (the package's documented API), whose result carries every finding with its severity.
/// Its file outputs are no substitute: the CSV writer races its own header (two unordered
/// writes; the first row came out cut), and the SARIF output has no severities.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const projectRoot = join(import.meta.dirname, '..');

/// A finding as electronegativity's run() reports it.
export interface Issue {
  id: string;
  /// Relative to the scanned folder, e.g. electron/main.ts; "N/A" for an app-wide finding.
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  /// The source line the finding is on.
  sample?: string;
  description: string;
}

/// What run() resolves with.
export interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  /// Files it could not read or parse: they were not checked.
  errors: { file: string; message: string }[];
  issues: Issue[];
}

/// A finding judged false for this app: the file, the check, a piece of the line it is on (so
/// the exception covers that one place), and why.
export interface Exception {
  file: string;
  check: string;
  line: string;
  reason: string;
}

export const exceptions: readonly Exception[] = [
  {
    file: 'electron/main.ts',
    check: 'OPEN_EXTERNAL_JS_CHECK',
    line: 'createWindowOpenHandler((url) => void shell.openExternal(url)',
    reason: 'the one openExternal call is handed to createWindowOpenHandler (security.ts), which passes it only https: and ' +
      'mailto: links (isAllowedExternalUrl) right after a click or key press; electron/checklist.test.ts items 14-15.',
  },
  {
    file: 'electron/window.ts',
    check: 'AUXCLICK_JS_CHECK',
    line: 'return new BrowserWindow({',
    reason: 'the check wants disableBlinkFeatures: "Auxclick", a Blink flag current Chromium no longer has (the setting ' +
      'would do nothing); a middle-click\'s new window goes to setWindowOpenHandler, which denies every window (checklist 14).',
  },
  {
    file: 'electron/window.ts',
    check: 'PRELOAD_JS_CHECK',
    line: 'preload: preloadPath,',
    reason: 'a prompt to review the preload, done: it exposes four functions of its own (call, saveExport, onSaveBeforeClose, ' +
      'on) that refuse names the contract does not list, never Electron\'s objects (checklist 20).',
  },
];

/// Checks left out: this one fetches Electron's release list from GitHub, which is not reachable
/// offline (checklist.test.ts item 16 keeps Electron current instead).
const skippedChecks = ['AvailableSecurityFixesGlobalCheck'];

/// A file handed to electronegativity, by its path in the project.
export interface ScannedFile {
  file: string;
  text: string;
}

export interface Verdict {
  /// HIGH and MEDIUM findings with no exception: each fails the lint.
  blocking: Issue[];
  excused: { issue: Issue; reason: string }[];
  /// LOW and informational findings, shown for review.
  shown: Issue[];
  /// Exceptions that matched nothing: stale, to be removed.
  unused: Exception[];
  /// Why the run does not count as a check.
  problems: string[];
}

const failing = new Set(['HIGH', 'MEDIUM']);

/// Sorts electronegativity's findings for `scanned` into what fails the lint and what does not.
export function judge(result: ScanResult, scanned: readonly ScannedFile[], known: readonly Exception[] = exceptions): Verdict {
  const problems: string[] = [];
  if (scanned.length === 0) problems.push('no file was scanned.');
  if (!scanned.some(({ text }) => /new BrowserWindow\(/.test(text))) problems.push('no scanned file creates the window, so its webPreferences went unchecked.');
  if (result.atomicChecks === 0 || result.globalChecks === 0) problems.push(`electronegativity ran ${result.atomicChecks} file checks and ${result.globalChecks} app-wide checks.`);
  for (const error of result.errors) problems.push(`${error.file} was not checked: ${error.message}`);

  const used = new Set<Exception>();
  const verdict: Verdict = { blocking: [], excused: [], shown: [], unused: [], problems };
  for (const issue of result.issues) {
    if (!failing.has(issue.severity.name)) {
      verdict.shown.push(issue);
      continue;
    }
    const exception = known.find((e) => e.file === issue.file && e.check === issue.id && (issue.sample ?? '').includes(e.line));
    if (exception) {
      used.add(exception);
      verdict.excused.push({ issue, reason: exception.reason });
    } else {
      verdict.blocking.push(issue);
    }
  }
  verdict.unused = known.filter((e) => !used.has(e));
  return verdict;
}

export function passes(verdict: Verdict): boolean {
  return verdict.blocking.length === 0 && verdict.unused.length === 0 && verdict.problems.length === 0;
}

function where(issue: Issue): string {
  return `${issue.file}:${issue.location.line}`;
}

/// The verdict for a person: each finding with its place, then what is wrong, if anything.
export function describe(verdict: Verdict, scanned: readonly ScannedFile[]): string {
  const line = (issue: Issue) => `${issue.severity.name} ${issue.id} at ${where(issue)}: ${issue.description}${issue.sample ? `\n    ${issue.sample}` : ''}`;
  const lines = [`electronegativity checked ${scanned.length} files: ${scanned.map((f) => f.file).join(', ')}`];
  for (const issue of verdict.blocking) lines.push(`FAIL ${line(issue)}`);
  for (const { issue, reason } of verdict.excused) lines.push(`excused ${line(issue)}\n    why: ${reason}`);
  for (const issue of verdict.shown) lines.push(`note ${line(issue)}`);
  for (const e of verdict.unused) lines.push(`FAIL the exception for ${e.check} in ${e.file} ("${e.line}") matches nothing any more: remove it from scripts/lintSecurity.ts.`);
  for (const problem of verdict.problems) lines.push(`FAIL ${problem}`);
  lines.push(passes(verdict)
    ? `lint:security passed: no HIGH or MEDIUM finding beyond ${verdict.excused.length} justified exceptions.`
    : 'lint:security failed: fix each FAIL above; a finding that is false for Excerpt gets an exception in scripts/lintSecurity.ts with its reason.');
  return lines.join('\n');
}

/// The files to scan: electron/'s sources without their tests, and the renderer's page.
function filesToScan(): ScannedFile[] {
  const electron = readdirSync(join(projectRoot, 'electron'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => `electron/${name}`);
  return [...electron, 'renderer/index.html'].map((file) => ({ file, text: readFileSync(join(projectRoot, file), 'utf8') }));
}

/// Runs electronegativity over `files` (written into a folder holding just them, under the same
/// paths), assuming the Electron version package.json pins.
export async function scan(files: readonly ScannedFile[]): Promise<ScanResult> {
  const folder = mkdtempSync(join(tmpdir(), 'excerpt-lint-security-'));
  try {
    for (const { file, text } of files) {
      mkdirSync(join(folder, file, '..'), { recursive: true });
      writeFileSync(join(folder, file), text);
    }
    const { devDependencies } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const run = createRequire(import.meta.url)('@doyensec/electronegativity') as (options: object) => Promise<ScanResult>;
    return await run({
      input: folder,
      isRelative: true,
      // Read by run() under this name (its README says electronVersion, which run() ignores).
      electronVersionOverride: devDependencies.electron,
      excludeFromScan: skippedChecks,
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/// The lint over the project: its verdict, and the report to print.
export async function lintSecurity(): Promise<{ verdict: Verdict; report: string }> {
  const files = filesToScan();
  const verdict = judge(await scan(files), files);
  return { verdict, report: describe(verdict, files) };
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  const { verdict, report } = await lintSecurity();
  console.log(report);
  process.exitCode = passes(verdict) ? 0 : 1;
}
