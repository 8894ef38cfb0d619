/// The app:// scheme: how the window's requests map to files of the built renderer. Pure;
/// main.ts reads the file and adds the headers.
import path from 'node:path';
import { staticPathSegments } from '../common/staticPath.ts';
import { APP_HOST, APP_SCHEME, appContentSecurityPolicy } from './security.ts';

/// How the scheme is registered before the app is ready: a standard, secure origin
/// (so `'self'` in the CSP means app://excerpt and fetch works), and nothing more.
export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
} as const;

/// The renderer file an app:// request names, or null for anything else: another host,
/// another scheme, or a path that would leave the renderer folder.
export function appRequestFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const segments = staticPathSegments(url.pathname);
  if (segments === null) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}

/// The headers every app:// response carries besides its content type.
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Security-Policy': appContentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': path.basename(file) === 'index.html' ? 'no-store' : 'no-cache',
  };
}
