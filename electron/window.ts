/// Excerpt's one window. The page is treated as untrusted: it holds imported documents, so it
/// gets no Node, no remote content and only the preload's bridge.
import type { BrowserWindowConstructorOptions } from 'electron';

/// What the window's options depend on.
export interface WindowSettings {
  /// build/electron/preload.cjs, absolute.
  preloadPath: string;
  /// A packaged app has no developer tools.
  isPackaged: boolean;
}

/// Electron's BrowserWindow class (main.ts), or a stand-in that records its options (tests:
/// the Electron runtime cannot run under Node).
export type WindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

/// Opens the window, webPreferences locked down. The options are written out where the window
/// is made so that a reader (and electronegativity, scripts/lintSecurity.ts) sees them there.
export function createAppWindow<W>(BrowserWindow: WindowClass<W>, { preloadPath, isPackaged }: WindowSettings): W {
  return new BrowserWindow({
    title: 'Excerpt',
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    backgroundColor: '#ffffff',
    // Shown once the first paint is ready, so the analyst never sees an empty frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: !isPackaged,
    },
  });
}
