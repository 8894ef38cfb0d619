/// Relays the service's events to a browser page as server-sent events, so the page hears
/// about imports and library changes it did not start itself.
import type { ServerResponse } from 'node:http';
import { eventNames } from '../common/types.ts';
import type { ExcerptService } from '../core/service.ts';

/// How often an idle stream gets a comment line, so proxies and the browser keep it open.
export const KEEP_ALIVE_MS = 15_000;

/// One event in the text/event-stream wire format (JSON never contains a raw newline,
/// so the payload is always a single `data:` line).
export function formatServerSentEvent(name: string, payload: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/// Streams every service event into `res` (whose headers the caller has written) until
/// the returned function is called or the connection closes.
export function relayEvents(service: ExcerptService, res: ServerResponse, keepAliveMs = KEEP_ALIVE_MS): () => void {
  const send = (chunk: string): void => {
    if (!res.writableEnded && !res.destroyed) res.write(chunk);
  };
  const unsubscribers = eventNames.map((name) => service.on(name, (payload) => send(formatServerSentEvent(name, payload))));
  const keepAlive = setInterval(() => send(': keep-alive\n\n'), keepAliveMs);
  keepAlive.unref();
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearInterval(keepAlive);
    for (const unsubscribe of unsubscribers) unsubscribe();
    if (!res.writableEnded) res.end();
  };
  res.on('close', stop);
  send(': connected\n\n');
  return stop;
}
