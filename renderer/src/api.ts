/// The renderer's way to the library: the Electron preload's bridge when the app runs in
/// its desktop window, the loopback host's HTTP API (token from the page URL) otherwise.
import type { ExcerptApi, MethodName } from '../../common/api.ts';
import { createApiClient, type Transport } from '../../common/client.ts';
import { ExcerptError, isExcerptErrorJson } from '../../common/errors.ts';
import type { ExcerptEventName, ExcerptEvents, ExportedFile } from '../../common/types.ts';
import { hashParams } from './hashParams.ts';

/// What electron/preload.ts exposes through contextBridge.
export interface ExcerptBridge {
  call(method: MethodName, args: unknown): Promise<unknown>;
  /// Saves an export through the native save dialog; resolves to a SaveExportReply.
  saveExport(file: ExportedFile): Promise<unknown>;
  on(event: ExcerptEventName, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    excerpt?: ExcerptBridge;
  }
}

type Subscribe = <E extends ExcerptEventName>(event: E, listener: (payload: ExcerptEvents[E]) => void) => () => void;

const bridge = window.excerpt;
const token = hashParams().get('token') ?? '';

const httpTransport: Transport = async (method, args) => {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-excerpt-token': token },
    body: JSON.stringify(args),
  });
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body;
  const error = (body as { error?: unknown } | null)?.error;
  if (isExcerptErrorJson(error)) throw ExcerptError.fromJSON(error);
  throw new ExcerptError('internal', `The library answered ${response.status} ${response.statusText} to ${method}. Reload the page; if it keeps happening, restart Excerpt.`);
};

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

/// Listens to an event of the service; returns the function that stops listening.
export const onLibraryEvent: Subscribe = bridge
  ? (event, listener) => bridge.on(event, (payload) => listener(payload as ExcerptEvents[typeof event]))
  : httpSubscribe;
