/// The page's only door to the main process: `window.excerpt = { call, saveExport, on,
/// onSaveBeforeClose }`. It refuses method and event names the contract does not list before
/// anything crosses to main. Runs sandboxed, so it may import common/ and `electron` only.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMethodName } from '../common/api.ts';
import type { ExcerptErrorJson } from '../common/errors.ts';
import { ipcChannels, type IpcReply } from '../common/ipc.ts';
import { eventNames, type ExcerptEventName } from '../common/types.ts';

function isEventName(name: unknown): name is ExcerptEventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}

/// What the page does when main asks it to save before the window closes (onSaveBeforeClose):
/// nothing to save until it says otherwise.
let saveBeforeClose: () => Promise<unknown> = async () => [];

ipcRenderer.on(ipcChannels.saveBeforeClose, (_sender: IpcRendererEvent, requestId: unknown) => {
  void Promise.resolve()
    .then(() => saveBeforeClose())
    .catch((error: unknown) => [`Your edits could not be saved: ${error instanceof Error ? error.message : String(error)}`])
    .then((unsaved) => ipcRenderer.send(ipcChannels.savedBeforeClose, requestId, unsaved));
});

contextBridge.exposeInMainWorld('excerpt', {
  async call(method: unknown, args: unknown): Promise<unknown> {
    if (!isMethodName(method)) {
      const refusal: ExcerptErrorJson = { code: 'not-found', message: `There is no API method called "${String(method)}".`, field: 'method' };
      throw refusal;
    }
    const reply = (await ipcRenderer.invoke(ipcChannels.call, method, args)) as IpcReply;
    if (reply.ok) return reply.value;
    // A plain object survives the context bridge intact; the client turns it into an ExcerptError.
    throw reply.error;
  },
  /// Saves an export where the analyst chooses in the native save dialog.
  async saveExport(file: unknown): Promise<unknown> {
    const reply = (await ipcRenderer.invoke(ipcChannels.saveExport, file)) as IpcReply;
    if (reply.ok) return reply.value;
    throw reply.error;
  },
  /// `save` saves every unsaved edit and resolves with what could not be saved; main calls it
  /// (through the listener above) before the window closes.
  onSaveBeforeClose(save: unknown): void {
    if (typeof save !== 'function') throw new Error('onSaveBeforeClose(save) needs a function to call.');
    saveBeforeClose = save as () => Promise<unknown>;
  },
  on(event: unknown, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new Error(`There is no event called "${String(event)}".`);
    if (typeof listener !== 'function') throw new Error('on(event, listener) needs a function to call.');
    const relay = (_sender: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(ipcChannels.event, relay);
    return () => {
      ipcRenderer.off(ipcChannels.event, relay);
    };
  },
});
