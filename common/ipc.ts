/// The ipc channels between the Electron preload and the main process, and the shape
/// of a call's reply (ipc carries plain data, not class instances, so errors travel as JSON).
import type { ExcerptErrorJson } from './errors.ts';

/// The channel names, shared by electron/preload.ts and electron/ipc.ts.
export const ipcChannels = {
  /// renderer -> main: `invoke(call, method, args)`, answered with an IpcReply.
  call: 'excerpt:call',
  /// main -> renderer: `send(event, name, payload)` for every service event.
  event: 'excerpt:event',
  /// renderer -> main: `invoke(saveExport, file)`, main asks where with the save dialog;
  /// answered with an IpcReply whose value is a SaveExportReply.
  saveExport: 'excerpt:save-export',
  /// main -> renderer: `send(saveBeforeClose, requestId)` before the window closes: save every
  /// unsaved edit now. The preload answers `send(savedBeforeClose, requestId, unsaved)`, where
  /// `unsaved` lists, in the analyst's words, what could not be saved.
  saveBeforeClose: 'excerpt:save-before-close',
  savedBeforeClose: 'excerpt:saved-before-close',
} as const;

/// Where an export went: nowhere when the analyst cancelled the dialog.
export type SaveExportReply = { saved: true; path: string } | { saved: false };

/// A call's answer as it crosses ipc.
export type IpcReply = { ok: true; value: unknown } | { ok: false; error: ExcerptErrorJson };
