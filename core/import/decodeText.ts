/// The characters of a text file, without the byte-order mark, with every line ending as
/// "\n". UTF-8 (with or without a byte-order mark) and UTF-16 with one are read as such; an
/// encoding the file declares (an HTML page's <meta charset>) comes next; other bytes are
/// read in the legacy encoding they most likely use (Windows-1251, KOI8-R, Windows-1252)
/// rather than refused or mangled. Binary and empty files are refused.
import { unreadable } from './importedDocument.ts';
import { guessLegacyEncoding } from './legacyEncoding.ts';

/// What the file itself says about its encoding.
export interface DecodeOptions {
  /// The label the file declares (see htmlCharset.ts); it wins over detection.
  declaredCharset?: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/// Control characters no text holds (tab, line feed, form feed and carriage return aside).
const controlCharacters = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
/// Share of control characters above which a file is binary junk rather than text.
const BINARY_SHARE = 0.01;

/// The text of a file's bytes, or an ExcerptError saying why there is none.
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const text = decode(bytes, options.declaredCharset ?? null);
  if (text.includes('\u0000')) throw binary();
  const controls = text.match(controlCharacters)?.length ?? 0;
  if (controls > 3 && controls > text.length * BINARY_SHARE) throw binary();
  if (!/\S/.test(text)) throw unreadable('it is empty (or holds only spaces and blank lines), so there is nothing to import.');
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function decode(bytes: Uint8Array, declared: string | null): string {
  // Windows editors save "Unicode" text as UTF-16 with a byte-order mark; read it rather than refuse it.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // NUL is valid UTF-8 but no text file holds it: say "binary" rather than "bad encoding".
  if (bytes.includes(0)) throw binary();
  // A UTF-8 byte-order mark outranks a declaration, as in browsers.
  const utf8Mark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declaredDecoder = utf8Mark ? null : decoderFor(declared);
  if (declaredDecoder) return declaredDecoder.decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return new TextDecoder(guessLegacyEncoding(bytes)).decode(bytes);
  }
}

/// A decoder for a declared single-byte or multi-byte legacy encoding; null for unknown
/// labels and for UTF-8 and UTF-16, which are read (and checked) as UTF-8 above, as
/// browsers do for a page that declares UTF-16 without a byte-order mark.
function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    const decoder = new TextDecoder(label);
    return /^utf-(8|16)/.test(decoder.encoding) ? null : decoder;
  } catch {
    return null;
  }
}

function binary() {
  return unreadable('it contains control bytes that no text holds, so it is a binary file rather than text. Save it as plain text (.txt) or Markdown (.md) and import that.');
}
