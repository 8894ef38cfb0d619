/// The application menu as data: File (Import Files…, Import Folder…, Back Up Now, Restore
/// from Backup…, Quit), Edit, View, Help. main.ts builds it with Menu.buildFromTemplate and
/// supplies the import and backup actions.
import type { MenuItemConstructorOptions } from 'electron';

/// What the menu depends on: the platform, the build, and the import and backup actions.
export interface MenuSettings {
  platform: NodeJS.Platform;
  /// Developer tools and reload-from-disk are for development builds only.
  isPackaged: boolean;
  onImportFiles: () => void;
  onImportFolder: () => void;
  onBackUpNow: () => void;
  onRestoreBackup: () => void;
}

/// The menu template for Menu.buildFromTemplate.
export function menuTemplate({ platform, isPackaged, onImportFiles, onImportFolder, onBackUpNow, onRestoreBackup }: MenuSettings): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import &Files…', accelerator: 'CmdOrCtrl+O', click: () => onImportFiles() },
      { label: 'Import F&older…', accelerator: 'CmdOrCtrl+Shift+O', click: () => onImportFolder() },
      { type: 'separator' },
      { label: '&Back Up Now', click: () => onBackUpNow() },
      { label: '&Restore from Backup…', click: () => onRestoreBackup() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ role: 'about', label: 'About Excerpt' }] };
  // On macOS the first menu is the application menu (About, Hide, Quit live there).
  return mac ? [{ role: 'appMenu' }, file, edit, view, help] : [file, edit, view, help];
}
