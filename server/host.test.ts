import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { contentSecurityPolicy } from '../common/csp.ts';
import { openLibrary, type Library } from '../core/library.ts';
import { startLoopbackHost, type LoopbackHost } from './host.ts';

let dir: string;
let library: Library;
let host: LoopbackHost;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: () => any;
}

function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }, target = host): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: target.port,
      method: options.method ?? 'GET',
      path: options.path,
      headers: { host: `127.0.0.1:${target.port}`, ...options.headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function call(method: string, args: unknown, headers: Record<string, string> = {}, target = host): Promise<Reply> {
  return send({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-excerpt-token': target.token, ...headers },
    body: JSON.stringify(args),
  }, target);
}

function assertNoCors(reply: Reply): void {
  assert.deepEqual(Object.keys(reply.headers).filter((name) => name.startsWith('access-control-')), []);
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'excerpt-host-'));
  const rendererDir = path.join(dir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Excerpt</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("excerpt");');
  writeFileSync(path.join(dir, 'secret.txt'), 'not for the browser');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
  library = openLibrary(path.join(dir, 'library.sqlite'));
  host = await startLoopbackHost({ service: library.service, rendererDir, maxBodyBytes: 64 * 1024 });
});

after(async () => {
  await host.close();
  library.close();
  rmSync(dir, { recursive: true, force: true });
});

test('it listens on 127.0.0.1 only, and its URL carries the token in the fragment', async () => {
  assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  assert.equal(host.url, `${host.origin}/#token=${host.token}`);
  const others = Object.values(networkInterfaces()).flat()
    .filter((nic) => nic !== undefined && !nic.internal && nic.family === 'IPv4').map((nic) => nic!.address);
  for (const address of [...others, '::1']) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: address, port: host.port });
      socket.once('connect', () => { socket.destroy(); resolve(false); });
      socket.once('error', () => resolve(true));
    });
    assert.equal(refused, true, `reachable on ${address}`);
  }
});

test('it serves the built renderer with its security headers', async () => {
  const page = await send({ path: '/' });
  assert.equal(page.status, 200);
  assert.match(page.text, /<title>Excerpt<\/title>/);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(page.headers['content-security-policy'], contentSecurityPolicy);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  assert.equal(page.headers['cache-control'], 'no-store');
  assertNoCors(page);

  const script = await send({ path: '/assets/app.js?v=1' });
  assert.equal(script.status, 200);
  assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
  const head = await send({ method: 'HEAD', path: '/assets/app.js' });
  assert.equal(head.status, 200);
  assert.equal(head.text, '');
});

test('paths outside the renderer folder, symlinks out of it and unknown files are 404', async () => {
  for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/link.txt', '/missing.js', '/assets']) {
    const reply = await send({ path: target });
    assert.equal(reply.status, 404, target);
    assert.doesNotMatch(reply.text, /not for the browser/);
  }
  assert.equal((await send({ method: 'PUT', path: '/index.html' })).status, 405);
});

test('a foreign Host (DNS rebinding) is refused with 403', async () => {
  for (const name of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`]) {
    const page = await send({ path: '/', headers: { host: name } });
    assert.equal(page.status, 403, name);
    assert.equal(page.json().error.code, 'forbidden');
    const api = await call('listTags', {}, { host: name });
    assert.equal(api.status, 403);
  }
  assert.equal((await send({ path: '/', headers: { host: `localhost:${host.port}` } })).status, 200);
});

test('a foreign Origin is refused with 403 and gets no CORS headers', async () => {
  const foreign = await call('listTags', {}, { origin: 'http://evil.example' });
  assert.equal(foreign.status, 403);
  assert.match(foreign.json().error.message, /other sites/);
  assertNoCors(foreign);
  const preflight = await send({
    method: 'OPTIONS', path: '/api/listTags',
    headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-excerpt-token' },
  });
  assert.equal(preflight.status, 403);
  assertNoCors(preflight);
  const ownPreflight = await send({ method: 'OPTIONS', path: '/api/listTags', headers: { origin: host.origin } });
  assert.equal(ownPreflight.status, 405);
  assertNoCors(ownPreflight);
  const own = await call('listTags', {}, { origin: host.origin });
  assert.equal(own.status, 200);
  assertNoCors(own);
});

test('an API call without the token, or with a wrong one, is refused with 403', async () => {
  const missing = await send({ method: 'POST', path: '/api/listTags', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(missing.status, 403);
  assert.match(missing.json().error.message, /no access token/);
  const wrong = await call('listTags', {}, { 'x-excerpt-token': `${host.token.slice(0, -1)}x` });
  assert.equal(wrong.status, 403);
  assert.equal(wrong.json().error.code, 'forbidden');
  const events = await send({ path: '/api/events?token=nope' });
  assert.equal(events.status, 403);
});

test('a call goes through the real service and back', async () => {
  const created = await call('createTag', { name: 'ITU role', color: '#d9480f' });
  assert.equal(created.status, 200);
  assert.equal(created.headers['content-type'], 'application/json; charset=utf-8');
  const tag = created.json();
  assert.equal(tag.name, 'ITU role');
  const listed = await call('listTags', {});
  assert.deepEqual(listed.json().map((t: { id: number }) => t.id), [tag.id]);

  const text = 'Joint statement on the information crime convention\n\n19 November 2021\n\nThe parties agree.\n';
  const imported = await call('importFiles', { files: [{ name: 'statement.txt', bytes: Buffer.from(text).toString('base64') }] });
  assert.equal(imported.status, 200);
  assert.equal(imported.json().imported[0].title, 'Joint statement on the information crime convention');
  const documents = await call('listDocuments', {});
  assert.equal(documents.json()[0].published, '2021-11-19');
});

test('invalid arguments are 400 naming the field; contract errors keep their status', async () => {
  const invalid = await call('getDocument', { id: 'seven' });
  assert.equal(invalid.status, 400);
  assert.equal(invalid.json().error.code, 'invalid-argument');
  assert.equal(invalid.json().error.field, 'id');
  const nested = await call('importFiles', { files: [{ name: '', bytes: '' }] });
  assert.equal(nested.status, 400);
  assert.equal(nested.json().error.field, 'files.0.name');
  const missing = await call('getDocument', { id: 99_999 });
  assert.equal(missing.status, 404);
  assert.equal(missing.json().error.code, 'not-found');
  const duplicate = await call('createTag', { name: 'Duplicate' });
  assert.equal(duplicate.status, 200);
  const conflict = await call('createTag', { name: 'Duplicate' });
  assert.equal(conflict.status, 409);
});

test('an unknown method is 404 with a message naming it', async () => {
  const reply = await call('dropEverything', {});
  assert.equal(reply.status, 404);
  assert.match(reply.json().error.message, /no API method called "dropEverything".*listDocuments/);
  assert.equal((await call('constructor', {})).status, 404);
  assert.equal((await send({ path: '/api/listTags' })).status, 405);
});

test('bad bodies are refused: not JSON 400, not application/json 415, too large 413', async () => {
  const notJson = await send({ method: 'POST', path: '/api/listTags', headers: { 'x-excerpt-token': host.token, 'content-type': 'application/json' }, body: '{oops' });
  assert.equal(notJson.status, 400);
  assert.match(notJson.json().error.message, /not valid JSON/);
  const form = await send({ method: 'POST', path: '/api/listTags', headers: { 'x-excerpt-token': host.token, 'content-type': 'text/plain' }, body: '{}' });
  assert.equal(form.status, 415);
  const large = await call('importFiles', { files: [{ name: 'big.txt', bytes: 'A'.repeat(100 * 1024) }] });
  assert.equal(large.status, 413);
  assert.match(large.json().error.message, /larger than 65536 bytes.*fewer or smaller files/);
  const streamed = await send({
    method: 'POST', path: '/api/importFiles',
    headers: { 'x-excerpt-token': host.token, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    body: JSON.stringify({ files: [{ name: 'big.txt', bytes: 'A'.repeat(100 * 1024) }] }),
  });
  assert.equal(streamed.status, 413);
  assert.equal((await call('listTags', {})).status, 200);
});

test('server-sent events relay the service events, and close() ends the stream', async () => {
  const streaming = await startLoopbackHost({ service: library.service, rendererDir: path.join(dir, 'renderer') });
  const received = await new Promise<string>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: streaming.port, path: `/api/events?token=${streaming.token}` }, (res) => {
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
      let buffer = '';
      res.setEncoding('utf8');
      res.on('end', () => resolve(buffer));
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer === ': connected\n\n') void call('createTag', { name: 'Heard by the stream' }, {}, streaming);
        if (buffer.includes('event: libraryChanged\n')) void streaming.close();
      });
    });
    req.on('error', reject);
  });
  const event = /event: libraryChanged\ndata: (.*)\n\n/.exec(received);
  assert.ok(event, received);
  assert.equal(typeof JSON.parse(event[1]!).reason, 'string');
});

test('an unexpected failure in the service is a 500 and the host keeps serving', async () => {
  const broken = openLibrary(path.join(dir, 'broken.sqlite'));
  const brokenHost = await startLoopbackHost({ service: broken.service, rendererDir: path.join(dir, 'renderer') });
  broken.db.close();
  try {
    const reply = await call('listTags', {}, {}, brokenHost);
    assert.equal(reply.status, 500);
    assert.equal(reply.json().error.code, 'internal');
    assert.equal((await send({ path: '/' }, brokenHost)).status, 200);
  } finally {
    await brokenHost.close();
  }
});
