/// Closing the window, or quitting, never drops an edit the page still holds: main holds the
/// window's close, asks the page to save everything now, and closes once it has. When a save
/// failed, or the page does not answer in time (a hung renderer must not keep Excerpt open for
/// ever), the analyst is told and chooses. Plain functions with the Electron parts passed in.
import type { App, BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import { ipcChannels } from '../common/ipc.ts';
import { isAppUrl } from './security.ts';

/// How long main waits for the page to save before it asks the analyst.
export const SAVE_BEFORE_CLOSE_MS = 5_000;

/// What the page answered: what it could not save, in the analyst's words (nothing: all is
/// saved), or that it did not answer in time.
export type PageAnswer = { unsaved: string[] } | 'no answer';

/// The buttons of the question, by index.
export const KEEP_OPEN = 0;
export const CLOSE = 1;

/// The window as the hold sees it.
export interface ClosingWindow {
  /// Asks the page to save what it holds unsaved (askPageToSave).
  saveEdits(): Promise<PageAnswer>;
  /// Asks the analyst; resolves with the index of the button chosen.
  ask(question: MessageBoxOptions): Promise<number>;
  /// Closes the window for good: its next 'close' event passes.
  close(): void;
  /// The analyst chose to keep the window open.
  keepOpen(): void;
}

/// The window's 'close' handler: the first close is held while the page saves, a second one
/// meanwhile waits with it; then the window closes, unless something stayed unsaved and the
/// analyst keeps it open.
export function holdCloseUntilSaved(window: ClosingWindow): (event: { preventDefault(): void }) => void {
  let saved = false;
  let saving = false;
  return (event) => {
    if (saved) return;
    event.preventDefault();
    if (saving) return;
    saving = true;
    void closeWhenSaved().finally(() => {
      saving = false;
    });
  };

  async function closeWhenSaved(): Promise<void> {
    const question = questionAbout(await window.saveEdits());
    if (question !== null && (await window.ask(question).catch(() => CLOSE)) === KEEP_OPEN) {
      window.keepOpen();
      return;
    }
    saved = true;
    window.close();
  }
}

/// What to ask the analyst after the page's answer; null when everything is saved.
export function questionAbout(answer: PageAnswer): MessageBoxOptions | null {
  if (answer === 'no answer') {
    return {
      type: 'warning',
      title: 'Excerpt',
      message: 'Excerpt could not confirm that your latest edits are saved.',
      detail: `The window did not answer within ${SAVE_BEFORE_CLOSE_MS / 1000} seconds. Edits made in the last moments may be lost if you close it now.`,
      buttons: ['Keep Excerpt Open', 'Close Anyway'],
      defaultId: CLOSE,
      cancelId: KEEP_OPEN,
      noLink: true,
    };
  }
  if (answer.unsaved.length === 0) return null;
  return {
    type: 'warning',
    title: 'Excerpt',
    message: 'Some of your edits could not be saved.',
    detail: `${answer.unsaved.join('\n\n')}\n\nKeep Excerpt open to copy what you need, or close it and lose these edits.`,
    buttons: ['Keep Excerpt Open', 'Close Without Saving'],
    defaultId: KEEP_OPEN,
    cancelId: KEEP_OPEN,
    noLink: true,
  };
}

/// The page's side of the request: its webContents.
export interface PageContents {
  send(channel: string, ...args: unknown[]): void;
}

type AnswerListener = (event: { sender: unknown; senderFrame?: { url: string } | null }, ...args: unknown[]) => void;

/// What askPageToSave needs of ipcMain.
export interface AnswerChannel {
  on(channel: string, listener: AnswerListener): unknown;
  off(channel: string, listener: AnswerListener): unknown;
}

let lastRequest = 0;

/// Sends the page the request to save now (the preload hands it to the renderer) and resolves
/// with its answer, or 'no answer' after `timeoutMs`. Only an answer from this page, to this
/// request, counts.
export function askPageToSave(ipc: AnswerChannel, page: PageContents, timeoutMs = SAVE_BEFORE_CLOSE_MS): Promise<PageAnswer> {
  const requestId = ++lastRequest;
  return new Promise((resolve) => {
    const done = (answer: PageAnswer): void => {
      clearTimeout(timer);
      ipc.off(ipcChannels.savedBeforeClose, listener);
      resolve(answer);
    };
    const listener: AnswerListener = (event, id, unsaved) => {
      if (event.sender !== page || id !== requestId || !isAppUrl(event.senderFrame?.url ?? '')) return;
      done({ unsaved: unsavedList(unsaved) });
    };
    const timer = setTimeout(() => done('no answer'), timeoutMs);
    ipc.on(ipcChannels.savedBeforeClose, listener);
    try {
      page.send(ipcChannels.saveBeforeClose, requestId);
    } catch {
      // The page is gone (its renderer crashed): it will not answer.
      done('no answer');
    }
  });
}

const MAX_LINES = 20;
const MAX_LINE_LENGTH = 1_000;

/// The page's list as main shows it: strings only, a bounded number of bounded lines.
function unsavedList(unsaved: unknown): string[] {
  if (!Array.isArray(unsaved) || !unsaved.every((line) => typeof line === 'string')) {
    return ['The window answered in a way Excerpt does not understand, so some edits may not be saved.'];
  }
  return (unsaved as string[]).slice(0, MAX_LINES).map((line) => line.slice(0, MAX_LINE_LENGTH));
}

/// The Electron parts saveBeforeClosing uses.
export interface DesktopParts {
  app: Pick<App, 'on' | 'off' | 'quit'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  ipcMain: AnswerChannel;
}

/// Holds `window`'s close until its page has saved, whether the analyst closes the window or
/// quits (a quit held this way is taken up again once the window may close).
export function saveBeforeClosing(window: BrowserWindow, { app, dialog, ipcMain }: DesktopParts): void {
  let quitting = false;
  const quit = (): void => {
    quitting = true;
  };
  app.on('before-quit', quit);
  window.on('closed', () => app.off('before-quit', quit));
  window.on('close', holdCloseUntilSaved({
    saveEdits: () => askPageToSave(ipcMain, window.webContents),
    ask: async (question) => (await dialog.showMessageBox(window, question)).response,
    close: () => {
      if (!window.isDestroyed()) window.close();
      if (quitting) app.quit();
    },
    keepOpen: () => {
      quitting = false;
    },
  }));
}
