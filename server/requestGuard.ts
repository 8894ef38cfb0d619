/// Who may talk to the loopback host: only pages it served itself, reached by the loopback
/// address, and, for the API, only callers holding this launch's token. A web page open in
/// the analyst's browser can send requests to 127.0.0.1 too; these checks keep it out.
import { timingSafeEqual } from 'node:crypto';
import { ExcerptError } from '../common/errors.ts';

/// The request headers the guard looks at, as node:http gives them.
export interface RequestSource {
  host: string | undefined;
  origin: string | undefined;
}

/// The Host values the loopback host answers to. Anything else is a DNS-rebinding attempt
/// (a foreign name that resolves to 127.0.0.1) or a misdirected request.
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/// The origins of the pages the loopback host serves.
export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

/// Refuses a request whose Host is not the loopback address on our port, or whose Origin
/// (when present) is not one of our own pages. Returns the refusal, or null to let it in.
export function refuseForeignSource(source: RequestSource, port: number): ExcerptError | null {
  const host = source.host?.toLowerCase();
  if (host === undefined || !allowedHosts(port).includes(host)) {
    return new ExcerptError(
      'forbidden',
      `Excerpt only answers requests addressed to 127.0.0.1:${port} or localhost:${port}; this one was addressed to "${source.host ?? '(no host)'}".`,
    );
  }
  // Same-origin GETs may carry no Origin; a present one must be ours ("null" included).
  if (source.origin !== undefined && !allowedOrigins(port).includes(source.origin.toLowerCase())) {
    return new ExcerptError(
      'forbidden',
      `Excerpt does not answer requests from other sites (origin "${source.origin}"). Open Excerpt at the address it printed when it started.`,
    );
  }
  return null;
}

/// True when `given` is this launch's token; compared in constant time.
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/// Refuses an API request that does not carry this launch's token.
export function refuseWithoutToken(expected: string, given: string | null | undefined): ExcerptError | null {
  if (tokenMatches(expected, given)) return null;
  return new ExcerptError(
    'forbidden',
    given ? 'The access token is not the one this Excerpt launch issued. Open Excerpt again at the address it printed when it started.'
      : 'The request carries no access token. Open Excerpt at the address it printed when it started (it ends in #token=…).',
  );
}
