/// Every method of the contract, called with hostile and broken arguments through both doors a
/// caller has: Electron's ipc dispatch (handleIpcCall, as the main process answers a renderer)
/// and the loopback host's HTTP API. Each call either succeeds (the arguments happened to be
/// valid) or is refused with a typed error (an ExcerptError code other than 'internal'; over
/// HTTP a 4xx status with the error as JSON); a refused call leaves every table of the library
/// as it was; the process goes on answering; and nothing reaches Object.prototype.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { methodNames, type MethodName } from '../../common/api.ts';
import { isExcerptErrorJson, type ExcerptErrorJson } from '../../common/errors.ts';
import { tempDir } from '../../core/testing/tempLibrary.ts';
import { handleIpcCall } from '../../electron/ipc.ts';
import { startLoopbackHost } from '../../server/host.ts';
import { filesBeside, fingerprint, fuzzLibrary, withRollback, type FuzzLibrary } from './fuzzLibrary.ts';
import { fuzz, refusalCodes } from './fuzzRun.ts';
import { hostileArgs, type Transport } from './hostileValues.ts';

/// Calls per method and door: 900 calls each door, a few seconds.
const RUNS = 30;

type Outcome = { ok: true } | { ok: false; error: ExcerptErrorJson; status?: number };
type Send = (method: MethodName | string, args: unknown) => Promise<Outcome>;

function ipcDoor({ library }: FuzzLibrary): Send {
  return async (method, args) => {
    // ipc carries arguments by structured clone, and the reply back the same way.
    const reply = await handleIpcCall(library.service, 'app://excerpt/index.html', method, structuredClone(args));
    structuredClone(reply);
    return reply.ok ? { ok: true } : { ok: false, error: reply.error };
  };
}

async function httpDoor(t: TestContext, { library }: FuzzLibrary): Promise<{ send: Send; sendRaw: (method: string, body: string) => Promise<Outcome> }> {
  const host = await startLoopbackHost({ service: library.service, rendererDir: tempDir(t) });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  t.after(async () => {
    agent.destroy();
    await host.close();
  });
  const sendRaw = (method: string, body: string) => new Promise<Outcome>((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${method}`, agent,
      headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', 'x-excerpt-token': host.token },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const status = res.statusCode!;
        if (status === 200) return resolve({ ok: true });
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ ok: false, status, error: (JSON.parse(text) as { error: ExcerptErrorJson }).error });
        } catch {
          reject(new Error(`HTTP ${status} with a body that is not JSON: ${text.slice(0, 200)}`));
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
  return { send: (method, args) => sendRaw(method, JSON.stringify(args) ?? ''), sendRaw };
}

function assertRefusedTyped(outcome: Outcome, what: string): void {
  if (outcome.ok) return;
  assert.ok(isExcerptErrorJson(outcome.error), `${what}: the error is not an ExcerptError: ${JSON.stringify(outcome.error)}`);
  assert.ok(refusalCodes.includes(outcome.error.code), `${what}: refused as "${outcome.error.code}": ${outcome.error.message}`);
  assert.ok(outcome.error.message.length > 10, `${what}: the refusal says nothing: ${JSON.stringify(outcome.error)}`);
  if (outcome.status !== undefined) assert.ok(outcome.status >= 400 && outcome.status < 500, `${what}: HTTP ${outcome.status}`);
}

function describeArgs(args: unknown): string {
  return inspect(args, { depth: 3, maxArrayLength: 5, maxStringLength: 200, breakLength: Infinity });
}

/// Fuzzes every method through `send`, then checks the door still answers and the library is the seed.
async function fuzzEveryMethod(t: TestContext, transport: Transport, seeded: FuzzLibrary, send: Send): Promise<void> {
  const { library, validArgs } = seeded;
  const answers = async () => {
    const outcomes: Partial<Record<MethodName, Outcome>> = {};
    for (const method of methodNames) await withRollback(library, method, () => send(method, validArgs[method]), (outcome) => void (outcomes[method] = outcome));
    return outcomes;
  };
  const answered = await answers();
  // The arguments mutated are valid: each call passes, but the restore of a backup that does not exist.
  assert.deepEqual(methodNames.filter((method) => !answered[method]!.ok), ['restoreBackup'], JSON.stringify(answered));
  const seed = fingerprint(library);
  for (const method of methodNames) {
    await t.test(method, async () => {
      await fuzz(`${transport} ${method}`, fc.asyncProperty(hostileArgs(validArgs[method], transport), async (args) => {
        const what = `${method}(${describeArgs(args)})`;
        const files = filesBeside(library);
        await withRollback(library, method, () => send(method, args), (outcome) => {
          assertRefusedTyped(outcome, what);
          if (outcome.ok) return;
          assert.equal(fingerprint(library), seed, `${what} was refused but changed the library`);
          assert.deepEqual(filesBeside(library), files, `${what} was refused but wrote beside the library`);
        });
        assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined, `${what} reached Object.prototype`);
      }), RUNS);
    });
  }
  assert.equal(fingerprint(library), seed);
  // The process survived: the valid calls answer as they did before.
  assert.deepEqual(await answers(), answered);
}

test('ipc: every method refuses hostile arguments with a typed error and leaves the library as it was', async (t) => {
  const seeded = await fuzzLibrary(t);
  await fuzzEveryMethod(t, 'ipc', seeded, ipcDoor(seeded));
});

test('http: every method refuses hostile arguments with a typed error and leaves the library as it was', async (t) => {
  const seeded = await fuzzLibrary(t);
  const { send, sendRaw } = await httpDoor(t, seeded);
  await fuzzEveryMethod(t, 'http', seeded, send);

  await t.test('bodies that are not JSON, or JSON a parser chokes on', async () => {
    const seed = fingerprint(seeded.library);
    const bodies = (valid: string) => [
      valid.slice(0, valid.length >> 1), `${valid}}`, `\ufeff${valid}`, 'NaN', 'undefined', '1e999', '-', '"', '[', '{"a":', "{'id': 1}",
      '{"id": 1, "id": "x"}', '{"__proto__": {"polluted": "yes"}}', '\u0000', '\ud800',
    ];
    // The body parser is the same for every method: the costly bodies go to a few.
    const costly = ['['.repeat(200_000) + ']'.repeat(200_000), `{"a": ${'{"a": '.repeat(100_000)}1${'}'.repeat(100_001)}`, JSON.stringify('x'.repeat(2_000_000))];
    const costlyFor = new Set<MethodName>(['listTags', 'saveDocumentEdits', 'importFiles']);
    for (const method of methodNames) {
      for (const body of [...bodies(JSON.stringify(seeded.validArgs[method])), ...(costlyFor.has(method) ? costly : [])]) {
        await withRollback(seeded.library, method, () => sendRaw(method, body), (outcome) => {
          assertRefusedTyped(outcome, `${method} with the body ${describeArgs(body)}`);
          if (!outcome.ok) assert.equal(fingerprint(seeded.library), seed, `${method} refused the body ${describeArgs(body)} but changed the library`);
        });
      }
    }
    for (const method of ['__proto__', 'constructor', 'toString', '..%2Fevents', 'listTags%00', 'listTags/../listTags', encodeURIComponent('listTags\u202e')]) {
      const outcome = await sendRaw(method, '{}');
      assert.equal(outcome.ok, false, method);
      assertRefusedTyped(outcome, `/api/${method}`);
    }
    assert.equal(fingerprint(seeded.library), seed);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(await send('listTags', {}), { ok: true });
  });
});
