/// The page's only door to the main process: `window.excerpt = { call, saveExport, on }`. It refuses
/// method and event names the contract does not list before anything crosses to main.
/// Runs sandboxed, so it may import common/ and `electron` only.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isMethodName } from '../common/api.ts';
import type { ExcerptErrorJson } from '../common/errors.ts';
import { ipcChannels, type IpcReply } from '../common/ipc.ts';
import { eventNames, type ExcerptEventName } from '../common/types.ts';

function isEventName(name: unknown): name is ExcerptEventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}

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
