import { test } from 'node:test';
import assert from 'node:assert/strict';
import { electronVerdict, firstProblem, type ElectronProbe } from './electronRuntime.ts';

// What `require('electron')` prints on a machine without network (seen on Debian 12, Electron 45).
const offlineOutput = [
  'TypeError: fetch failed',
  '    at node:internal/deps/undici/undici:14976:13',
  '    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
  '/x/node_modules/electron/index.js:47',
  'Error: Electron failed to install correctly. Please delete `node_modules/electron` and run "npx install-electron --no" manually.',
].join('\n');

const installed = (versionRun: ElectronProbe['versionRun']): ElectronProbe => ({
  packageVersion: '45.5.0',
  located: { ok: true, binary: '/x/node_modules/electron/dist/electron' },
  binaryExists: true,
  versionRun,
});

test('a runtime that cannot be downloaded: unusable, with the network error as the reason', () => {
  const verdict = electronVerdict({ packageVersion: '45.5.0', located: { ok: false, output: offlineOutput }, binaryExists: false, versionRun: null });
  assert.deepEqual(verdict, { usable: false, reason: 'the Electron 45.5.0 runtime is not installed and could not be downloaded: fetch failed' });
});

test('a binary that is missing, cannot start, or fails: unusable, saying which', () => {
  assert.match((electronVerdict({ ...installed(null), binaryExists: false }) as { reason: string }).reason, /binary is missing \(\/x\/node_modules/);
  assert.match((electronVerdict(installed({ status: null, stdout: '', stderr: '', error: 'spawnSync /x/electron ETIMEDOUT' })) as { reason: string }).reason,
    /could not be started: spawnSync \/x\/electron ETIMEDOUT/);
  const libs = electronVerdict(installed({ status: 127, stdout: '', stderr: '/x/electron: error while loading shared libraries: libnss3.so: cannot open shared object file\n' }));
  assert.deepEqual(libs, { usable: false, reason: 'the Electron 45.5.0 binary exited with 127: /x/electron: error while loading shared libraries: libnss3.so: cannot open shared object file' });
  assert.match((electronVerdict(installed({ status: 0, stdout: 'hello\n', stderr: '' })) as { reason: string }).reason, /did not report its version/);
});

test('a binary that reports its version: usable', () => {
  assert.deepEqual(electronVerdict(installed({ status: 0, stdout: 'v45.5.0\n', stderr: '' })), {
    usable: true, binary: '/x/node_modules/electron/dist/electron', version: '45.5.0',
  });
});

test('the reason is the first error message, else the last line, and stays short', () => {
  assert.equal(firstProblem('Downloading...\nRequestError: getaddrinfo ENOTFOUND github.com\nmore'), 'getaddrinfo ENOTFOUND github.com');
  assert.equal(firstProblem('one\ntwo\n\n'), 'two');
  assert.equal(firstProblem(''), 'no output');
  assert.equal(firstProblem('x'.repeat(500)).length, 160);
});
