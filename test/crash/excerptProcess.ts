/// Real `excerpt` processes for the crash harness: each started warm ahead of its turn
/// (standby.ts), given its command line when its turn comes, and killed with SIGKILL.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');

/// The command line and standby.ts bundled into one file by esbuild (as the desktop app's main
/// process is bundled): each start then costs about 1.2 s of CPU instead of the 2.8 s tsx's
/// loader takes to resolve the same modules one by one, and every kill costs a start.
export interface ExcerptBundle {
  path: string;
  remove(): void;
}

/// Writes a bundle of its own for this run. It sits two folders below the project root
/// (build/crash-XXXXXX/), as the modules it bundles do, so the paths they take from
/// import.meta (../../migrations, ../../build/renderer) lead where they do unbundled, and
/// packages resolve from node_modules.
export async function bundleExcerpt(): Promise<ExcerptBundle> {
  mkdirSync(join(root, 'build'), { recursive: true });
  const dir = mkdtempSync(join(root, 'build', 'crash-'));
  const path = join(dir, 'excerpt.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'standby.ts')],
    outfile: path, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning',
  });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/// How a process ended.
export interface Ending {
  status: number | null;
  signal: NodeJS.Signals | null;
}

/// An `excerpt` process waiting for its command line, then running it.
export interface ExcerptProcess {
  /// Resolves once the modules are loaded; rejects if the process died first.
  warm: Promise<void>;
  /// Starts `excerpt ARGV...`; `onLine` hears each line it prints on stdout, in order.
  run(argv: string[], onLine: (line: string) => void): void;
  /// Resolves when the process has ended and all it printed has been read.
  ended: Promise<Ending>;
  /// What it printed on stderr so far.
  stderr(): string;
  /// SIGKILL: no handler runs, nothing is flushed or closed; resolves once it is gone.
  kill(): Promise<Ending>;
}

/// Spawns a process that loads the bundled command line and waits for its turn.
export function startExcerptProcess(bundle: ExcerptBundle): ExcerptProcess {
  const env = { ...process.env };
  delete env.EXCERPT_DB;
  // The fourth stream, an IPC channel, lets the process notice if the harness dies (standby.ts).
  const child = spawn(process.execPath, [bundle.path], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }) as
    ChildProcessByStdio<Writable, Readable, Readable>;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // EPIPE when it dies before reading its command line: the ending says what happened.
  child.stdin.on('error', () => {});
  const ended = new Promise<Ending>((resolve) => child.on('close', (status, signal) => resolve({ status, signal })));

  let listener: ((line: string) => void) | undefined;
  let signalWarm: () => void;
  const warm = new Promise<void>((resolve, reject) => {
    signalWarm = resolve;
    void ended.then((ending) => reject(new Error(`the excerpt process ended (${ending.signal ?? ending.status}) before it was ready: ${stderr}`)));
  });
  warm.catch(() => {});
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (listener) listener(line);
    else if (line === 'warm') signalWarm();
  });

  return {
    warm,
    ended,
    stderr: () => stderr,
    run(argv, onLine) {
      listener = onLine;
      child.stdin.end(`${JSON.stringify(argv)}\n`);
    },
    kill() {
      child.kill('SIGKILL');
      return ended;
    },
  };
}
