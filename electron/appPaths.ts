/// Where the desktop app finds its parts. The bundled main.cjs has no `import.meta.url`,
/// so every folder is derived here from what Electron reports and handed to core.
import path from 'node:path';

/// What Electron reports about where the app runs.
export interface AppLocation {
  /// app.getAppPath(): the project folder in development, resources/app.asar when packaged.
  appPath: string;
  /// process.resourcesPath: where electron-builder's extraResources land.
  resourcesPath: string;
  isPackaged: boolean;
  /// app.getPath('userData').
  userData: string;
}

/// The files and folders main.ts hands to the window, core and better-sqlite3.
export interface AppPaths {
  rendererDir: string;
  preload: string;
  migrationsDir: string;
  resourcesDir: string;
  /// The Electron build of better-sqlite3, kept apart from node_modules' Node build.
  nativeBinding: string;
  library: string;
}

/// The native module's file name inside its folder (build/electron-native in development,
/// resources/electron-native when packaged).
export const NATIVE_MODULE_FILE = 'better_sqlite3.node';

/// Every path the desktop app needs, in development and packaged alike.
export function appPaths({ appPath, resourcesPath, isPackaged, userData }: AppLocation): AppPaths {
  const nativeDir = isPackaged ? path.join(resourcesPath, 'electron-native') : path.join(appPath, 'build', 'electron-native');
  return {
    rendererDir: path.join(appPath, 'build', 'renderer'),
    preload: path.join(appPath, 'build', 'electron', 'preload.cjs'),
    migrationsDir: path.join(appPath, 'migrations'),
    resourcesDir: path.join(appPath, 'resources'),
    nativeBinding: path.join(nativeDir, NATIVE_MODULE_FILE),
    library: path.join(userData, 'library.sqlite'),
  };
}
