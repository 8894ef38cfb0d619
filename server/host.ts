/// The loopback host: serves the built renderer and the service's API on 127.0.0.1 to the
/// one browser page that holds this launch's token. How Excerpt runs where the Electron
/// runtime is absent, and how the UI is tested.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isMethodName, methodNames } from '../common/api.ts';
import { contentSecurityPolicy } from '../common/csp.ts';
import { dispatchCall } from '../common/dispatch.ts';
import { ExcerptError } from '../common/errors.ts';
import type { ExcerptService } from '../core/service.ts';
import { errorReply } from './errorStatus.ts';
import { relayEvents } from './eventStream.ts';
import { MAX_BODY_BYTES, readJsonBody } from './requestBody.ts';
import { refuseForeignSource, refuseWithoutToken } from './requestGuard.ts';
import { contentTypeFor, resolveStaticPath } from './staticFiles.ts';

/// What the loopback host serves: the one service and the built renderer.
export interface LoopbackHostOptions {
  service: ExcerptService;
  /// The built renderer (index.html and its assets), normally build/renderer.
  rendererDir: string;
  /// 0 (the default) picks a free port.
  port?: number;
  /// The largest API request body read; larger ones get 413. Defaults to MAX_BODY_BYTES.
  maxBodyBytes?: number;
}

/// A running loopback host: where to open it, and how to stop it.
export interface LoopbackHost {
  /// The address to open. The token rides in the fragment, which the browser never sends
  /// in a request line or a Referer.
  url: string;
  origin: string;
  token: string;
  port: number;
  /// Ends event streams and open connections, then stops listening.
  close(): Promise<void>;
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: unknown, extra: Record<string, string> = {}): void {
  if (!(error instanceof ExcerptError)) console.error('Excerpt loopback host:', error);
  const reply = errorReply(error);
  sendJson(res, reply.status, reply.body, extra);
}

function sendRefusal(res: ServerResponse, status: number, error: ExcerptError, extra: Record<string, string> = {}): void {
  sendJson(res, status, { error: error.toJSON() }, extra);
}

/// Starts listening on 127.0.0.1 with a fresh token; resolves once the port is bound.
export async function startLoopbackHost(options: LoopbackHostOptions): Promise<LoopbackHost> {
  const { service } = options;
  const rendererDir = path.resolve(options.rendererDir);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const token = randomBytes(32).toString('base64url');
  const eventStreams = new Set<() => void>();
  let port = 0;

  async function callApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const refusal = refuseWithoutToken(token, req.headers['x-excerpt-token'] as string | undefined);
    if (refusal) return sendRefusal(res, 403, refusal, { Connection: 'close' });
    if (!isMethodName(method)) {
      return sendRefusal(res, 404, new ExcerptError('not-found', `There is no API method called "${method}". Excerpt's methods are: ${methodNames.join(', ')}.`), { Connection: 'close' });
    }
    const type = req.headers['content-type'];
    if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) {
      return sendRefusal(res, 415, new ExcerptError('unsupported', `Send the arguments as JSON (Content-Type: application/json), not "${type}".`), { Connection: 'close' });
    }
    const body = await readJsonBody(req, maxBodyBytes);
    if (!body.ok) {
      res.once('finish', () => req.socket.destroy());
      return sendRefusal(res, body.status, body.error, { Connection: 'close' });
    }
    try {
      sendJson(res, 200, await dispatchCall(service, method, body.value));
    } catch (error) {
      sendError(res, error);
    }
  }

  function streamEvents(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    const refusal = refuseWithoutToken(token, query.get('token'));
    if (refusal) return sendRefusal(res, 403, refusal);
    req.socket.setTimeout(0);
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    const stop = relayEvents(service, res);
    eventStreams.add(stop);
    res.on('close', () => eventStreams.delete(stop));
  }

  async function serveFile(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
    const notFound = (): void => sendRefusal(res, 404, new ExcerptError('not-found',
      urlPath === '/' ? `The Excerpt interface has not been built (no index.html in ${rendererDir}). Run "npm run build", then open this address again.`
        : `There is nothing at ${urlPath}.`));
    const file = resolveStaticPath(rendererDir, urlPath);
    if (file === null) return notFound();
    let size: number;
    try {
      // A symlink inside the folder must not lead outside it either.
      const [realRoot, realFile] = await Promise.all([realpath(rendererDir), realpath(file)]);
      if (!realFile.startsWith(realRoot + path.sep)) return notFound();
      const info = await stat(realFile);
      if (!info.isFile()) return notFound();
      size = info.size;
    } catch {
      return notFound();
    }
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': contentTypeFor(file),
      'Content-Length': size,
      'Cache-Control': path.basename(file) === 'index.html' ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const foreign = refuseForeignSource({ host: req.headers.host, origin: req.headers.origin }, port);
    if (foreign) return sendRefusal(res, 403, foreign, { Connection: 'close' });
    const target = req.url ?? '';
    if (!target.startsWith('/')) return sendRefusal(res, 400, new ExcerptError('invalid-argument', 'Excerpt only answers requests for a path such as /api/listDocuments.'));
    const queryAt = target.indexOf('?');
    const urlPath = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
    const method = req.method ?? '';
    const notAllowed = (allow: string): void => sendRefusal(res, 405,
      new ExcerptError('forbidden', `${urlPath} does not accept ${method} requests (only ${allow}). Excerpt answers no cross-origin requests.`),
      { Allow: allow, Connection: 'close' });

    if (urlPath === '/api/events') return method === 'GET' ? streamEvents(req, res, query) : notAllowed('GET');
    if (urlPath.startsWith('/api/')) return method === 'POST' ? callApi(req, res, urlPath.slice('/api/'.length)) : notAllowed('POST');
    if (method !== 'GET' && method !== 'HEAD') return notAllowed('GET, HEAD');
    return serveFile(req, res, urlPath);
  }

  const server = http.createServer((req, res) => {
    res.on('error', () => res.destroy());
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || req.socket.destroyed) res.destroy();
      else sendError(res, error);
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: () => new Promise<void>((resolve) => {
      for (const stop of eventStreams) stop();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
