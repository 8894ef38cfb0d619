/// The options of Excerpt's one window. The page is treated as untrusted: it holds
/// imported documents, so it gets no Node, no remote content and only the preload's bridge.
import type { BrowserWindowConstructorOptions } from 'electron';

/// What the window's options depend on.
export interface WindowSettings {
  /// build/electron/preload.cjs, absolute.
  preloadPath: string;
  /// A packaged app has no developer tools.
  isPackaged: boolean;
}

/// The BrowserWindow options, webPreferences locked down.
export function windowOptions({ preloadPath, isPackaged }: WindowSettings): BrowserWindowConstructorOptions {
  return {
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
  };
}
