import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { appPaths } from './appPaths.ts';

test('in development everything sits in the project folder, the native build in build/electron-native', () => {
  const paths = appPaths({ appPath: '/src/excerpt', resourcesPath: '/src/excerpt/node_modules/electron/dist/resources', isPackaged: false, userData: '/home/a/.config/Excerpt' });
  assert.deepEqual(paths, {
    rendererDir: path.join('/src/excerpt', 'build', 'renderer'),
    preload: path.join('/src/excerpt', 'build', 'electron', 'preload.cjs'),
    migrationsDir: path.join('/src/excerpt', 'migrations'),
    resourcesDir: path.join('/src/excerpt', 'resources'),
    nativeBinding: path.join('/src/excerpt', 'build', 'electron-native', 'better_sqlite3.node'),
    library: path.join('/home/a/.config/Excerpt', 'library.sqlite'),
  });
});

test('packaged, the app files are in app.asar and the native build in resources/electron-native', () => {
  const paths = appPaths({ appPath: '/opt/Excerpt/resources/app.asar', resourcesPath: '/opt/Excerpt/resources', isPackaged: true, userData: '/u' });
  assert.equal(paths.migrationsDir, path.join('/opt/Excerpt/resources/app.asar', 'migrations'));
  assert.equal(paths.nativeBinding, path.join('/opt/Excerpt/resources', 'electron-native', 'better_sqlite3.node'));
});
