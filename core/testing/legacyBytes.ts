/// For tests: text written in a single-byte legacy encoding (Windows-1251, KOI8-R,
/// Windows-1252), through a table built from the platform's own decoder, so fixtures in
/// those encodings are made at test time rather than stored.

/// The bytes of `text` in `encoding`; throws on a character the encoding lacks.
export function encodeSingleByte(text: string, encoding: 'windows-1251' | 'koi8-r' | 'windows-1252'): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from(Array.from(text, (char) => {
    if (char < '\u0080') return char.charCodeAt(0);
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`${encoding} has no byte for "${char}"`);
    return byte;
  }));
}
