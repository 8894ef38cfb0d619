/// The desktop app's main process: one instance, one window on app://excerpt, the library
/// opened with the Electron build of better-sqlite3, the preload bridge and the menu.
/// Every decision lives in a plain function beside this file; this one only wires them up.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { ipcChannels } from '../common/ipc.ts';
import type { ExcerptEventName } from '../common/types.ts';
import { startBackupSchedule, type BackupSchedule } from '../core/backup/schedule.ts';
import { collectFiles } from '../core/import/collectFiles.ts';
import { openLibrary, type Library } from '../core/library.ts';
import { addSamplesOnFirstRun } from '../core/samples.ts';
import { writeFileAtomically } from '../core/writeFileAtomically.ts';
import { appPaths } from './appPaths.ts';
import { appRequestFile, appResponseHeaders, appSchemePrivileges } from './appProtocol.ts';
import {
  describeImportResult, importCollectedFiles, importFilesDialogOptions, importFolderDialogOptions,
} from './importFiles.ts';
import { forwardServiceEvents, handleIpcCall, handleIpcSave } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { askPageToSave, saveBeforeClosing } from './saveBeforeClose.ts';
import {
  APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, createWindowOpenHandler, denyPermissionCheck, denyPermissionRequest,
  isAllowedNavigation, isAllowedRequest, isUserActivation,
} from './security.ts';
import { createAppWindow } from './window.ts';

// The same userData folder as core/libraryPath.ts's default, whatever package.json calls the app.
app.setName('Excerpt');
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: appSchemePrivileges }]);

const paths = appPaths({
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  isPackaged: app.isPackaged,
  userData: app.getPath('userData'),
});
let library: Library | undefined;
let backupSchedule: BackupSchedule | undefined;
let mainWindow: BrowserWindow | undefined;
let lastUserActivationAt = 0;
/// True while File > Import… runs: the window then hears main's progress across all batches
/// instead of each importFiles call's own count.
let importingFromMenu = false;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Every web contents, now or later, gets the same guards.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('input-event', (_event, input) => {
    if (isUserActivation(input.type)) lastUserActivationAt = Date.now();
  });
  contents.setWindowOpenHandler(createWindowOpenHandler((url) => void shell.openExternal(url), () => lastUserActivationAt));
});

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  // Electron would fetch Hunspell dictionaries from a Google CDN; Excerpt makes no network
  // request, so the downloader is pointed at the app's own (dictionary-free) origin.
  ses.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/dictionaries/`);
}

function serveAppScheme(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appRequestFile(paths.rendererDir, request.url);
    const found = file === null ? null : await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    if (file === null || found === null || !found.ok) return new Response('Not found', { status: 404 });
    const headers = new Headers(found.headers);
    for (const [name, value] of Object.entries(appResponseHeaders(file))) headers.set(name, value);
    return new Response(found.body, { status: 200, headers });
  });
}

function createWindow(current: Library): void {
  const window = createAppWindow(BrowserWindow, { preloadPath: paths.preload, isPackaged: app.isPackaged });
  const stopEvents = forwardServiceEvents(current.service, (name, payload) => {
    if (name === 'importProgress' && importingFromMenu) return;
    sendEvent(window, name, payload);
  });
  window.once('ready-to-show', () => window.show());
  saveBeforeClosing(window, { app, dialog, ipcMain });
  window.on('closed', () => {
    stopEvents();
    if (mainWindow === window) mainWindow = undefined;
  });
  mainWindow = window;
  void window.loadURL(APP_ENTRY_URL);
}

function sendEvent(window: BrowserWindow, name: ExcerptEventName, payload: unknown): void {
  if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, name, payload);
}

async function importWithDialog(kind: 'files' | 'folder'): Promise<void> {
  const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (library === undefined || window === undefined) return;
  if (importingFromMenu) {
    await dialog.showMessageBox(window, { type: 'info', title: 'Import', message: 'An import is already under way. Choose more files once it has finished.' });
    return;
  }
  const choice = await dialog.showOpenDialog(window, kind === 'files' ? importFilesDialogOptions : importFolderDialogOptions);
  if (choice.canceled || choice.filePaths.length === 0) return;
  importingFromMenu = true;
  try {
    const collected = await collectFiles(choice.filePaths);
    const report = await importCollectedFiles(library.service, collected, (progress) => sendEvent(window, 'importProgress', progress));
    const summary = describeImportResult(report);
    await dialog.showMessageBox(window, { type: summary.type, title: 'Import', message: summary.message, detail: summary.detail });
  } catch (error) {
    dialog.showErrorBox('Import failed', messageOf(error));
  } finally {
    importingFromMenu = false;
  }
}

async function backUpWithDialog(): Promise<void> {
  const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (library === undefined || window === undefined) return;
  try {
    const backup = await library.service.backUpNow({});
    await dialog.showMessageBox(window, { type: 'info', title: 'Back Up Now', message: 'The library is backed up.', detail: backup.path });
  } catch (error) {
    dialog.showErrorBox('Backup failed', messageOf(error));
  }
}

async function restoreWithDialog(): Promise<void> {
  const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (library === undefined || window === undefined) return;
  const { service } = library;
  try {
    const { folder } = await service.listBackups({});
    const choice = await dialog.showOpenDialog(window, {
      title: 'Restore from Backup', defaultPath: folder, properties: ['openFile'], filters: [{ name: 'Excerpt library', extensions: ['sqlite'] }],
    });
    const file = choice.filePaths[0];
    if (choice.canceled || file === undefined) return;
    const { response } = await dialog.showMessageBox(window, {
      type: 'warning', title: 'Restore from Backup', buttons: ['Restore', 'Cancel'], defaultId: 1, cancelId: 1,
      message: 'Replace the library with this backup?',
      detail: `Documents, highlights and tags change back to what ${file} holds. The library as it is now is kept as a backup first, so you can restore it again.`,
    });
    if (response !== 0) return;
    // Edits still waiting go into the library first, so the copy kept before the restore has them.
    const answer = await askPageToSave(ipcMain, window.webContents);
    const unsaved = answer === 'no answer' ? ['The window did not confirm that your latest edits are saved.'] : answer.unsaved;
    if (unsaved.length > 0) return dialog.showErrorBox('Restore from Backup', `${unsaved.join('\n\n')}\n\nThe backup was not restored; try again once they are saved.`);
    const restored = await service.restoreBackup({ file });
    await dialog.showMessageBox(window, { type: 'info', title: 'Restore from Backup', message: 'The library was restored.', detail: `The library as it was is kept as ${restored.safetyCopy.path}.` });
  } catch (error) {
    dialog.showErrorBox('Restore failed', messageOf(error));
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession();
  serveAppScheme();
  const opened = openLibrary(paths.library, { nativeBinding: paths.nativeBinding, migrationsDir: paths.migrationsDir });
  library = opened;
  try {
    await addSamplesOnFirstRun(opened, paths.resourcesDir);
  } catch (error) {
    // The app is usable without the samples; say so and carry on.
    dialog.showErrorBox('Sample press releases not added', messageOf(error));
  }
  // Once the samples are in: their one transaction spans awaits, and a backup's check attaches its copy to this connection.
  backupSchedule = startBackupSchedule(opened);
  ipcMain.handle(ipcChannels.call, (event, method: unknown, args: unknown) => handleIpcCall(opened.service, event.senderFrame?.url, method, args));
  ipcMain.handle(ipcChannels.saveExport, (event, file: unknown) => handleIpcSave(event.senderFrame?.url, file, {
    ask: (options) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
    },
    write: writeFileAtomically,
  }));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    onImportFiles: () => void importWithDialog('files'),
    onImportFolder: () => void importWithDialog('folder'),
    onBackUpNow: () => void backUpWithDialog(),
    onRestoreBackup: () => void restoreWithDialog(),
  })));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(opened);
  });
  createWindow(opened);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    // Stops the timer. A backup under way is cut short; its unfinished file is removed then, or by a later rotation.
    void backupSchedule?.stop();
    library?.close();
    library = undefined;
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('Excerpt could not start', `${messageOf(error)}\n\nThe library file is ${paths.library}.`);
    app.exit(1);
  });
}
