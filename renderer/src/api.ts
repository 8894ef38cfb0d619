/// The renderer's way to the library: the Electron preload's bridge when the app runs in
/// its desktop window, the loopback host's HTTP API (token from the page URL) otherwise.
import type { ArgsIn, ExcerptApi, MethodName, Result } from '../../common/api.ts';
import { asExcerptError, createApiClient, type Transport } from '../../common/client.ts';
import { ExcerptError, isExcerptErrorJson } from '../../common/errors.ts';
import type { ExcerptEventName, ExcerptEvents, ExportedFile } from '../../common/types.ts';
import { hashParams } from './hashParams.ts';

/// What electron/preload.ts exposes through contextBridge.
export interface ExcerptBridge {
  call(method: MethodName, args: unknown): Promise<unknown>;
  /// Saves an export through the native save dialog; resolves to a SaveExportReply.
  saveExport(file: ExportedFile): Promise<unknown>;
  on(event: ExcerptEventName, listener: (payload: unknown) => void): () => void;
  /// `save` saves every unsaved edit and resolves with what could not be saved, in the analyst's
  /// words; main calls it before the window closes.
  onSaveBeforeClose(save: () => Promise<string[]>): void;
}

declare global {
  interface Window {
    excerpt?: ExcerptBridge;
  }
}

type Subscribe = <E extends ExcerptEventName>(event: E, listener: (payload: ExcerptEvents[E]) => void) => () => void;

const bridge = window.excerpt;
const token = hashParams().get('token') ?? '';

/// The most a request may carry and still be finished by the browser after its page has gone
/// (fetch's keepalive quota).
const KEEPALIVE_BYTES = 64 * 1024;

/// One call to the loopback host; `keepalive`: the browser finishes it even if the page goes.
async function post(method: MethodName, body: string, keepalive: boolean): Promise<unknown> {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-excerpt-token': token },
    body,
    keepalive,
  });
  const reply: unknown = await response.json().catch(() => null);
  if (response.ok) return reply;
  const error = (reply as { error?: unknown } | null)?.error;
  if (isExcerptErrorJson(error)) throw ExcerptError.fromJSON(error);
  throw new ExcerptError('internal', `The library answered ${response.status} ${response.statusText} to ${method}. Reload the page; if it keeps happening, restart Excerpt.`);
}

const httpTransport: Transport = (method, args) => post(method, JSON.stringify(args), false);

let events: EventSource | undefined;

const httpSubscribe: Subscribe = (event, listener) => {
  events ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  const source = events;
  const handle = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as ExcerptEvents[typeof event]);
  source.addEventListener(event, handle);
  return () => source.removeEventListener(event, handle);
};

/// The typed service, whichever host the page runs in.
export const api: ExcerptApi = createApiClient(bridge ? (method, args) => bridge.call(method, args) : httpTransport);

/// Sends a call that reaches the library even if the page goes away a moment later (a reload, a
/// closed tab): over the desktop bridge (ipc reaches main at once), or as a request the browser
/// finishes after the page has gone. Null when the call is too large to go that way.
export function callOutlivingPage<M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Result<M>> | null {
  if (bridge) return (api[method] as (args: ArgsIn<M>) => Promise<Result<M>>)(args);
  const body = JSON.stringify(args);
  if (new TextEncoder().encode(body).length > KEEPALIVE_BYTES) return null;
  return post(method, body, true).then((reply) => reply as Result<M>, (error: unknown) => {
    throw asExcerptError(error);
  });
}

/// In the desktop app, how the page answers main's request to save before its window closes;
/// null in a browser, where the page itself must warn before it goes.
export const onSaveBeforeClose = bridge ? (save: () => Promise<string[]>) => bridge.onSaveBeforeClose(save) : null;

/// Listens to an event of the service; returns the function that stops listening.
export const onLibraryEvent: Subscribe = bridge
  ? (event, listener) => bridge.on(event, (payload) => listener(payload as ExcerptEvents[typeof event]))
  : httpSubscribe;
