/// `npm start`: builds the app, then opens the Electron desktop app; where the Electron
/// runtime cannot run (no network to fetch it, a machine without a display library), says
/// so in one line and serves the same app from the loopback host instead.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openLibrary } from '../core/library.ts';
import { resolveLibraryPath } from '../core/libraryPath.ts';
import { addSamplesOnFirstRun } from '../core/samples.ts';
import { startLoopbackHost } from '../server/host.ts';
import { buildApp, projectRoot } from './build.ts';
import { ensureElectronNative } from './electronNative.ts';
import { electronVerdict, probeElectron } from './electronRuntime.ts';
import { parseStartArgs, type StartOptions } from './startArgs.ts';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/// Runs the desktop app until it exits, passing Ctrl+C on to it.
function launchElectron(binary: string): void {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [projectRoot], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/// Serves the app on the loopback host until Ctrl+C, then closes the library cleanly.
async function serveInstead(reason: string, options: StartOptions): Promise<void> {
  const library = openLibrary(resolveLibraryPath());
  try {
    await addSamplesOnFirstRun(library, path.join(projectRoot, 'resources'));
  } catch (error) {
    console.error(`The sample press releases were not added: ${messageOf(error)}`);
  }
  const host = await startLoopbackHost({
    service: library.service,
    rendererDir: path.join(projectRoot, 'build', 'renderer'),
    port: options.port,
  }).catch((error: unknown) => {
    library.close();
    throw error;
  });
  console.log(`Electron runtime unavailable (${reason}); serving Excerpt at ${host.url} instead`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void host.close().finally(() => {
      library.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function start(): Promise<void> {
  const options = parseStartArgs(process.argv.slice(2));
  await buildApp(projectRoot, true);
  const verdict = electronVerdict(probeElectron(projectRoot));
  if (!verdict.usable) return serveInstead(verdict.reason, options);
  try {
    ensureElectronNative(projectRoot, verdict.binary, verdict.version, (line) => console.log(line));
  } catch (error) {
    return serveInstead(`better-sqlite3 could not be built for Electron ${verdict.version}: ${messageOf(error)}`, options);
  }
  launchElectron(verdict.binary);
}

start().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE'
    ? 'npm start: that port is already in use. Choose another with --port N, or leave it out to pick a free one.'
    : `npm start: ${messageOf(error)}`);
  process.exit(1);
});
