/// The two ipc channels between the Electron preload and the main process, and the shape
/// of a call's reply (ipc carries plain data, not class instances, so errors travel as JSON).
import type { ExcerptErrorJson } from './errors.ts';

/// The channel names, shared by electron/preload.ts and electron/ipc.ts.
export const ipcChannels = {
  /// renderer -> main: `invoke(call, method, args)`, answered with an IpcReply.
  call: 'excerpt:call',
  /// main -> renderer: `send(event, name, payload)` for every service event.
  event: 'excerpt:event',
} as const;

/// A call's answer as it crosses ipc.
export type IpcReply = { ok: true; value: unknown } | { ok: false; error: ExcerptErrorJson };
