import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from './menu.ts';

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const roles = (menu: MenuItemConstructorOptions[]) => items(menu).map((item) => item.role).filter(Boolean);

const noImport = { onImportFiles: () => {}, onImportFolder: () => {}, onBackUpNow: () => {}, onRestoreBackup: () => {} };

test('File has Import Files…, Import Folder…, Back Up Now, Restore from Backup… and Quit; Edit, View and Help have their roles', () => {
  const chosen: string[] = [];
  const menu = menuTemplate({
    platform: 'linux', isPackaged: false, onImportFiles: () => chosen.push('files'), onImportFolder: () => chosen.push('folder'),
    onBackUpNow: () => chosen.push('back up'), onRestoreBackup: () => chosen.push('restore'),
  });
  assert.deepEqual(menu.map((item) => item.label ?? item.role), ['&File', '&Edit', '&View', 'help']);
  const file = (menu[0]!.submenu as MenuItemConstructorOptions[]).map((item) => item.label ?? item.role ?? item.type);
  assert.deepEqual(file, ['Import &Files…', 'Import F&older…', 'separator', '&Back Up Now', '&Restore from Backup…', 'separator', 'quit']);
  for (const label of ['Import F&older…', 'Import &Files…', '&Restore from Backup…', '&Back Up Now']) (items(menu).find((item) => item.label === label)!.click as () => void)();
  assert.deepEqual(chosen, ['folder', 'files', 'restore', 'back up']);
  assert.deepEqual(items(menu).filter((item) => item.label?.startsWith('Import')).map((item) => item.accelerator), ['CmdOrCtrl+O', 'CmdOrCtrl+Shift+O']);
  for (const role of ['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'toggleDevTools', 'zoomIn', 'zoomOut', 'resetZoom', 'about']) {
    assert.ok(roles(menu).includes(role as never), role);
  }
});

test('a packaged app has no developer tools in its menu', () => {
  const menu = menuTemplate({ platform: 'win32', isPackaged: true, ...noImport });
  assert.equal(roles(menu).includes('toggleDevTools'), false);
});

test('on macOS the application menu comes first', () => {
  const menu = menuTemplate({ platform: 'darwin', isPackaged: true, ...noImport });
  assert.equal(menu[0]!.role, 'appMenu');
});
