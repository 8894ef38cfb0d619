/// Whether this machine can run the Electron desktop app (`npm start` asks before it tries):
/// the runtime must be installed (the electron package fetches it on first use, which fails
/// offline) and its binary must start. The decision is a plain function of what was seen.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/// What looking for Electron found.
export interface ElectronProbe {
  /// The version of the electron package in node_modules.
  packageVersion: string;
  /// Asking the electron package for its binary (which may try to download it).
  located: { ok: true; binary: string } | { ok: false; output: string };
  binaryExists: boolean;
  /// `<binary> --version`, when there was a binary to run.
  versionRun: { status: number | null; stdout: string; stderr: string; error?: string } | null;
}

/// Whether `npm start` may launch Electron, with the binary and its version, or why not.
export type ElectronVerdict =
  | { usable: true; binary: string; version: string }
  | { usable: false; reason: string };

/// The one line that says what went wrong in a tool's output: the message of the first
/// error it printed, else its last line.
export function firstProblem(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const error = lines.map((line) => /^(?:\w*Error|error)(?: \[\w+\])?: (.+)$/.exec(line)?.[1]).find((message) => message !== undefined);
  const text = error ?? lines.at(-1) ?? 'no output';
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/// Can Electron run here? If not, why, in words fit for the one line `npm start` prints.
export function electronVerdict(probe: ElectronProbe): ElectronVerdict {
  const wanted = `Electron ${probe.packageVersion}`;
  if (!probe.located.ok) {
    return { usable: false, reason: `the ${wanted} runtime is not installed and could not be downloaded: ${firstProblem(probe.located.output)}` };
  }
  const { binary } = probe.located;
  if (!probe.binaryExists) return { usable: false, reason: `the ${wanted} binary is missing (${binary})` };
  const run = probe.versionRun;
  if (run === null || run.error !== undefined) {
    return { usable: false, reason: `the ${wanted} binary could not be started: ${run?.error ?? 'it was not run'}` };
  }
  if (run.status !== 0) {
    return { usable: false, reason: `the ${wanted} binary exited with ${run.status ?? 'a signal'}: ${firstProblem(run.stderr || run.stdout)}` };
  }
  const version = /^v?(\d+\.\d+\.\d+\S*)/.exec(run.stdout.trim())?.[1];
  if (version === undefined) return { usable: false, reason: `the ${wanted} binary did not report its version (it printed "${firstProblem(run.stdout)}")` };
  return { usable: true, binary, version };
}

/// How long asking the electron package may take: long enough for it to download its
/// runtime on a slow connection.
const LOCATE_TIMEOUT_MS = 10 * 60_000;
const VERSION_TIMEOUT_MS = 15_000;

/// Looks for the Electron runtime of the project at `root` and tries its binary.
export function probeElectron(root: string): ElectronProbe {
  const packageVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  // In a child process: requiring `electron` from Node downloads the runtime when it is
  // missing and prints while doing so; its output is kept for the reason, not shown.
  const locate = spawnSync(process.execPath, ['-e', 'process.stdout.write("\\n" + require("electron"))'], {
    cwd: root, encoding: 'utf8', timeout: LOCATE_TIMEOUT_MS,
  });
  const binary = locate.status === 0 ? locate.stdout.split('\n').at(-1)?.trim() : undefined;
  const located: ElectronProbe['located'] = binary
    ? { ok: true, binary }
    : { ok: false, output: `${locate.stderr ?? ''}\n${locate.error?.message ?? ''}` };
  const binaryExists = binary !== undefined && existsSync(binary);
  let versionRun: ElectronProbe['versionRun'] = null;
  if (binary !== undefined && binaryExists) {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const run = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: VERSION_TIMEOUT_MS, env });
    versionRun = { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '', ...(run.error ? { error: run.error.message } : {}) };
  }
  return { packageVersion, located, binaryExists, versionRun };
}
