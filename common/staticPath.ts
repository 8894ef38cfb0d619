/// Which file of the built renderer a URL path names, as path segments below the renderer
/// folder; shared by the loopback host and the Electron app:// scheme so both refuse the
/// same paths. Pure string work: each host joins the segments with its own folder.

/// The segments under the renderer folder (`/` and folders mean their index.html), or null
/// for a path Excerpt never serves: one that would leave the folder (`..`, encoded or not),
/// a hidden file, a backslash or NUL, malformed percent-encoding, or no leading slash.
export function staticPathSegments(urlPath: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.') || segment.includes(':'))) return null;
  if (segments.length === 0 || decoded.endsWith('/')) segments.push('index.html');
  return segments;
}
