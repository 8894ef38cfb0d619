/// Where the library file lives: the desktop app's data folder unless the analyst says
/// otherwise with `--db` or $EXCERPT_DB, so the app, the CLI and the loopback host share it.
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

/// The file name of the library inside the data folder.
export const LIBRARY_FILE = 'library.sqlite';
/// The application name Electron derives its userData folder from.
export const APP_NAME = 'Excerpt';

interface Environment {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

const here = (): Environment => ({ env: process.env, platform: process.platform, home: homedir() });

/// The file the desktop app uses: Electron's userData folder for "Excerpt" plus library.sqlite.
export function defaultLibraryPath(environment: Environment = here()): string {
  const { env, platform, home } = environment;
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), APP_NAME, LIBRARY_FILE);
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_NAME, LIBRARY_FILE);
  return posix.join(env.XDG_CONFIG_HOME || posix.join(home, '.config'), APP_NAME, LIBRARY_FILE);
}

/// The library to open: the --db flag, else $EXCERPT_DB, else the desktop app's file.
export function resolveLibraryPath(flag?: string, environment: Environment = here()): string {
  if (flag) return resolve(flag);
  const fromEnv = environment.env.EXCERPT_DB;
  if (fromEnv) return resolve(fromEnv);
  return defaultLibraryPath(environment);
}
