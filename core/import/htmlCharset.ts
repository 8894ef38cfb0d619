/// The character encoding an HTML file declares for itself, found the way a browser's
/// prescan finds it: `<meta charset="...">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=...">` near the top, read before the text is decoded.

/// How far into the file the declaration is looked for. Browsers stop at 1,024 bytes;
/// saved pages often carry a longer head before it, and a later look costs nothing here.
const PRESCAN_BYTES = 8192;

const declaration = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9._:-]+)/i;

/// The encoding label the file declares ("windows-1251", "koi8-r"), or null.
export function declaredCharset(bytes: Uint8Array): string | null {
  // The declaration is ASCII in every encoding a page may use (UTF-16 pages carry a BOM).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  return declaration.exec(head)?.[1]?.toLowerCase() ?? null;
}
