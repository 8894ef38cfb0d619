/// The characters of a text file: UTF-8 (or UTF-16 with a byte-order mark), without the
/// byte-order mark, with every line ending as "\n". Binary, undecodable and empty files are refused.
import { unreadable } from './importedDocument.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/// The text of a file's bytes, or an ExcerptError saying why there is none.
export function decodeText(bytes: Uint8Array): string {
  const text = decode(bytes);
  if (text.includes('\u0000')) throw binary();
  if (!/\S/.test(text)) throw unreadable('it is empty (or holds only spaces and blank lines), so there is nothing to import.');
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function decode(bytes: Uint8Array): string {
  // Windows editors save "Unicode" text as UTF-16 with a byte-order mark; read it rather than refuse it.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // NUL is valid UTF-8 but no text file holds it: say "binary" rather than "bad encoding".
  if (bytes.includes(0)) throw binary();
  try {
    return utf8.decode(bytes);
  } catch {
    throw unreadable(
      'it is not valid UTF-8 text (it may be saved in an older encoding such as Windows-1252). ' +
        'Open it in a text editor, save it as UTF-8 and import it again.',
    );
  }
}

function binary() {
  return unreadable('it contains NUL bytes, so it is a binary file rather than text. Save it as plain text (.txt) or Markdown (.md) and import that.');
}
