/// `excerpt serve [--port N]`: the app in a browser, through the loopback host, until Ctrl-C.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_EVERY_MINUTES, startBackupSchedule } from '../../core/backup/schedule.ts';
import { startLoopbackHost } from '../../server/host.ts';
import { CliFailure, readArguments, readId, UsageError, type Invocation } from '../command.ts';
import { openCliLibrary } from '../library.ts';

/// Where `npm run build` puts the app's interface.
const rendererDir = join(import.meta.dirname, '..', '..', 'build', 'renderer');

/// The text of "excerpt serve --help".
export const help = `Usage: excerpt [--db PATH] serve [--port N]

Serves the Excerpt app on this computer only (127.0.0.1) and prints the address to open
in a browser; the address carries a secret token, so only you can reach the library.
Runs until you press Ctrl-C. Backs the library up as it starts and every ${BACKUP_EVERY_MINUTES} minutes
while it changes (see "excerpt backup --help").

  --port N   the port to listen on (default: any free port)
`;

/// Runs `excerpt serve`; resolves to the exit status.
export async function run(invocation: Invocation): Promise<number> {
  const parsed = readArguments('serve', { help }, invocation, { port: { type: 'string' } });
  if (!parsed) return 0;
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals[0]}".`, 'serve');
  const port = parsed.values.port === undefined ? undefined : readId('serve', '--port', parsed.values.port);
  if (port !== undefined && port > 65535) throw new UsageError(`--port must be at most 65535, not ${port}.`, 'serve');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new CliFailure(`the app's interface is not built yet (no ${rendererDir}). Build it with "npm run build" in ${join(rendererDir, '..', '..')}, then run "excerpt serve" again.`);
  }

  const library = openCliLibrary(parsed.db, { create: true });
  const backups = startBackupSchedule(library);
  try {
    const host = await startLoopbackHost({ service: library.service, rendererDir, port }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new CliFailure(`port ${port} is already in use; choose another with --port N, or leave --port out.`);
      throw error;
    });
    process.stdout.write(`Excerpt is serving ${library.path}\nOpen ${host.url}\nPress Ctrl-C to stop.\n`);
    await untilStopped();
    await host.close();
  } finally {
    await backups.stop();
    library.close();
  }
  return 0;
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
