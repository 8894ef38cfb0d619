import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, exceptions, judge, lintSecurity, passes, scan, type Issue, type ScanResult } from './lintSecurity.ts';

const windowFile = { file: 'electron/window.ts', text: 'return new BrowserWindow({ webPreferences: {} });' };

/// A finding as electronegativity reports it (its severity and confidence are objects).
function finding(id: string, severity: string, file: string, sample: string, line = 20): Issue {
  return { id, severity: { name: severity }, confidence: { name: 'FIRM' }, file, location: { line, column: 9 }, sample, description: `${id} description` };
}

const ran = (issues: Issue[]): ScanResult => ({ globalChecks: 5, atomicChecks: 36, errors: [], issues });

test('a HIGH finding fails the lint, named with its file and line', () => {
  const high = finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/window.ts', 'return new BrowserWindow({');
  const verdict = judge(ran([high]), [windowFile], []);
  assert.deepEqual(verdict.blocking, [high]);
  assert.equal(passes(verdict), false);
  const report = describe(verdict, [windowFile]);
  assert.match(report, /^FAIL HIGH CONTEXT_ISOLATION_JS_CHECK at electron\/window\.ts:20: /m);
  assert.match(report, /lint:security failed/);
});

test('an exception excuses its one place: the same check elsewhere fails, and a MEDIUM fails like a HIGH', () => {
  const known = [{ file: 'electron/main.ts', check: 'OPEN_EXTERNAL_JS_CHECK', line: 'createWindowOpenHandler((url)', reason: 'allow-listed' }];
  const excused = finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/main.ts', 'x(createWindowOpenHandler((url) => void shell.openExternal(url)))');
  const elsewhere = finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/main.ts', 'void shell.openExternal(link.href);', 80);
  const otherFile = finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/menu.ts', 'x(createWindowOpenHandler((url) => void shell.openExternal(url)))');
  const verdict = judge(ran([excused, elsewhere, otherFile]), [windowFile], known);
  assert.deepEqual(verdict.excused, [{ issue: excused, reason: 'allow-listed' }]);
  assert.deepEqual(verdict.blocking, [elsewhere, otherFile]);
  assert.equal(passes(verdict), false);
});

test('LOW and informational findings are shown, not failed; an exception that matches nothing fails', () => {
  const low = finding('CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html', "default-src 'self'", 5);
  const info = finding('PRELOAD_JS_CHECK', 'INFORMATIONAL', 'electron/window.ts', 'preload: preloadPath,');
  const clean = judge(ran([low, info]), [windowFile], []);
  assert.deepEqual(clean.shown, [low, info]);
  assert.equal(passes(clean), true);
  assert.match(describe(clean, [windowFile]), /^note LOW CSP_GLOBAL_CHECK at renderer\/index\.html:5/m);

  const stale = judge(ran([low]), [windowFile], [{ file: 'electron/main.ts', check: 'OPEN_EXTERNAL_JS_CHECK', line: 'gone', reason: 'was true once' }]);
  assert.equal(passes(stale), false);
  assert.match(describe(stale, [windowFile]), /the exception for OPEN_EXTERNAL_JS_CHECK in electron\/main\.ts \("gone"\) matches nothing any more/);
});

test('a run that checked nothing fails: no files, a file it could not parse, no window among them, no checks', () => {
  const problemsOf = (result: ScanResult, files = [windowFile]) => judge(result, files, []).problems;
  assert.deepEqual(problemsOf(ran([]), []), ['no file was scanned.', 'no scanned file creates the window, so its webPreferences went unchecked.']);
  assert.deepEqual(problemsOf(ran([]), [{ file: 'electron/ipc.ts', text: 'export {}' }]), ['no scanned file creates the window, so its webPreferences went unchecked.']);
  assert.deepEqual(problemsOf({ ...ran([]), errors: [{ file: 'electron/main.ts', message: 'Unexpected token' }] }), ['electron/main.ts was not checked: Unexpected token']);
  assert.deepEqual(problemsOf({ ...ran([]), atomicChecks: 0 }), ['electronegativity ran 0 file checks and 5 app-wide checks.']);
});

test('electronegativity itself finds a window without isolation or sandbox, and the lint fails on it; the project\'s own sources pass', async () => {
  const bad = {
    file: 'electron/window.ts',
    text: "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });\n",
  };
  const verdict = judge(await scan([bad]), [bad], []);
  assert.equal(passes(verdict), false);
  // Besides the window's options: no navigation limit, no permission handler, no CSP anywhere.
  assert.deepEqual([...new Set(verdict.blocking.map((issue) => `${issue.severity.name} ${issue.id}`))].sort(), [
    'HIGH CONTEXT_ISOLATION_JS_CHECK', 'HIGH LIMIT_NAVIGATION_GLOBAL_CHECK', 'MEDIUM AUXCLICK_JS_CHECK', 'MEDIUM CSP_GLOBAL_CHECK',
    'MEDIUM PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'MEDIUM SANDBOX_JS_CHECK',
  ]);

  const { verdict: ours, report } = await lintSecurity();
  assert.ok(passes(ours), report);
  assert.equal(ours.excused.length, exceptions.length);
});
