/// Reads an API request's JSON body, refusing one larger than the host accepts before it
/// fills memory.
import type { IncomingMessage } from 'node:http';
import { ExcerptError } from '../common/errors.ts';

/// The largest body the loopback host reads: enough for an import of many files as base64.
export const MAX_BODY_BYTES = 300 * 1024 * 1024;

/// The body's arguments, or the status and error to refuse it with.
export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: number; error: ExcerptError };

function tooLarge(maxBytes: number): BodyResult {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${maxBytes} bytes`;
  return {
    ok: false,
    status: 413,
    error: new ExcerptError('invalid-argument', `The request is larger than ${limit}, the most Excerpt accepts in one call. Import fewer or smaller files at a time.`),
  };
}

/// The parsed JSON body (an empty body is `{}`), or the refusal to send.
export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  // Plain listeners, not `for await`: leaving that loop early destroys the socket, and the
  // 413 reply must still reach the caller.
  const complete = await new Promise<boolean>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData).off('end', onEnd).pause();
      resolve(false);
    };
    const onEnd = (): void => resolve(true);
    req.on('data', onData).on('end', onEnd).on('error', reject)
      .on('close', () => reject(new Error('the request was cut off before it was complete')));
  });
  if (!complete) return tooLarge(maxBytes);
  const text = Buffer.concat(chunks, size).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, error: new ExcerptError('invalid-argument', 'The request body is not valid JSON; send the arguments as one JSON object.') };
  }
}
