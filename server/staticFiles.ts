/// Where a URL path of the built renderer lives on disk, and what type of file it is.
/// Pure: the host does the reading.
import path from 'node:path';
import { staticPathSegments } from '../common/staticPath.ts';

/// The file under `rendererDir` that `urlPath` (the request path, query stripped) names,
/// or null when it names nothing Excerpt serves (see staticPathSegments).
export function resolveStaticPath(rendererDir: string, urlPath: string): string | null {
  const segments = staticPathSegments(urlPath);
  if (segments === null) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/// The Content-Type for a served file, by its extension; unknown ones are opaque bytes
/// (with nosniff, the browser will not guess otherwise).
export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
