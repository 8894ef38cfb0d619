/// Calls the API of a running `excerpt serve` as the browser page does (POST /api/<method>
/// with the launch's token), telling the three outcomes apart: an answer (the write is
/// acknowledged), a refusal, and no answer at all (the process died first).
import http from 'node:http';
import type { ArgsIn, MethodName, Result } from '../../common/api.ts';
import { ExcerptError, isExcerptErrorJson } from '../../common/errors.ts';

/// The request got no reply: whether its write happened is for the library to show.
export class NoAnswer extends Error {}

/// One typed call of the contract.
export type LoopbackCall = <M extends MethodName>(method: M, args: ArgsIn<M>) => Promise<Result<M>>;

/// A caller for the host at `url`, the address `excerpt serve` prints (token in the fragment).
/// Plain node:http with kept-alive connections: it costs the harness less CPU than fetch.
export function loopbackCaller(url: string): LoopbackCall {
  const address = new URL(url);
  const token = new URLSearchParams(address.hash.slice(1)).get('token') ?? '';
  const agent = new http.Agent({ keepAlive: true });
  return async (method, args) => {
    const body = JSON.stringify(args);
    const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(new URL(`/api/${method}`, address.origin), {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-excerpt-token': token },
      }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('error', () => {});
        // 'close' comes however the reply ends; `complete` says whether all of it arrived.
        response.on('close', () => (response.complete ? resolve({ status: response.statusCode ?? 0, text }) : reject(new Error('the reply was cut off'))));
      });
      request.on('error', reject);
      request.end(body);
    }).catch((error: NodeJS.ErrnoException) => {
      // A connection refused, reset or cut mid-reply: the answer never arrived whole.
      throw new NoAnswer(`${method}: no answer (${error.code ?? error.message})`);
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(reply.text);
    } catch {
      throw new NoAnswer(`${method}: the answer was cut off (${reply.text.length} characters)`);
    }
    if (reply.status === 200) return parsed as Result<typeof method>;
    const refusal = (parsed as { error?: unknown } | null)?.error;
    throw isExcerptErrorJson(refusal) ? ExcerptError.fromJSON(refusal) : new Error(`${method}: HTTP ${reply.status}`);
  };
}
