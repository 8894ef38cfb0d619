import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from './menu.ts';

function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const roles = (menu: MenuItemConstructorOptions[]) => items(menu).map((item) => item.role).filter(Boolean);

test('File has Import… and Quit; Edit, View and Help have their roles', () => {
  let imported = 0;
  const menu = menuTemplate({ platform: 'linux', isPackaged: false, onImport: () => { imported += 1; } });
  assert.deepEqual(menu.map((item) => item.label ?? item.role), ['&File', '&Edit', '&View', 'help']);
  const importItem = items(menu).find((item) => item.label === 'Import…')!;
  (importItem.click as () => void)();
  assert.equal(imported, 1);
  for (const role of ['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'toggleDevTools', 'zoomIn', 'zoomOut', 'resetZoom', 'about']) {
    assert.ok(roles(menu).includes(role as never), role);
  }
});

test('a packaged app has no developer tools in its menu', () => {
  const menu = menuTemplate({ platform: 'win32', isPackaged: true, onImport: () => {} });
  assert.equal(roles(menu).includes('toggleDevTools'), false);
});

test('on macOS the application menu comes first', () => {
  const menu = menuTemplate({ platform: 'darwin', isPackaged: true, onImport: () => {} });
  assert.equal(menu[0]!.role, 'appMenu');
});
