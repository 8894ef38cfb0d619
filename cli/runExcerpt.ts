/// For tests: runs the real `bin/excerpt` as a child process, as a user's shell would.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/// The `excerpt` executable of this checkout.
export const excerptBin = fileURLToPath(new URL('../bin/excerpt', import.meta.url));

/// How a run ended and what it printed.
export interface ExcerptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/// Where and how to run it.
export interface RunOptions {
  /// Extra environment; a key set to undefined is removed. $EXCERPT_DB is always cleared
  /// first, and the default library is moved under `home`, so a test never touches a real one.
  env?: Record<string, string | undefined>;
  home: string;
  cwd?: string;
  /// Start the file itself (shebang and executable bit) instead of `node bin/excerpt`.
  direct?: boolean;
}

/// Runs `excerpt ARGS...` and resolves when it has exited.
export function runExcerpt(args: string[], options: RunOptions): Promise<ExcerptRun> {
  const env: Record<string, string | undefined> = {
    ...process.env, EXCERPT_DB: undefined, HOME: options.home, XDG_CONFIG_HOME: options.home, APPDATA: options.home, ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const [command, argv] = options.direct ? [excerptBin, args] : [process.execPath, [excerptBin, ...args]];
  const child = spawn(command, argv, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
