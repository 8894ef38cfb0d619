/// Guesses the single-byte encoding of a text that is not UTF-8: Windows-1251 or KOI8-R for
/// Cyrillic, Windows-1252 (Latin-1) for Western European text. Two plain observations:
/// accented Latin letters sit alone inside ASCII words ("Déclaration"), while Cyrillic
/// letters form whole words of bytes above 0x7F; and of the two Cyrillic encodings, the
/// right one spells words whose letters are as frequent as Russian letters are (о, е, а,
/// и, н, т…), the wrong one scrambles them into rare ones.

/// The encodings Excerpt tells apart, as TextDecoder labels.
export type LegacyEncoding = 'windows-1251' | 'koi8-r' | 'windows-1252';

/// Share of letters in Russian text, per cent (lower case; capitals count as their letter).
const russianLetterShare: Record<string, number> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4, к: 3.49,
  м: 3.21, д: 2.98, п: 2.81, у: 2.62, я: 2.01, ы: 1.9, ь: 1.74, г: 1.7, з: 1.65, б: 1.59, ч: 1.44,
  й: 1.21, х: 0.97, ж: 0.94, ш: 0.73, ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32, ф: 0.26, ъ: 0.04, ё: 0.2,
  // Ukrainian, Belarusian and Uzbek letters of Windows-1251: rare, but letters.
  і: 0.5, ї: 0.1, є: 0.1, ў: 0.1, ґ: 0.05,
};
/// Weight of a character above 0x7F that is no letter at all (box drawing, symbols).
const NOT_A_LETTER = 0.005;

const decoders = {
  'windows-1251': new TextDecoder('windows-1251'),
  'koi8-r': new TextDecoder('koi8-r'),
};

/// The encoding `bytes` most likely use.
export function guessLegacyEncoding(bytes: Uint8Array): LegacyEncoding {
  if (latinShare(bytes) > 0.5) return 'windows-1252';
  return cyrillicScore(decoders['windows-1251'].decode(bytes)) >= cyrillicScore(decoders['koi8-r'].decode(bytes))
    ? 'windows-1251'
    : 'koi8-r';
}

/// Of the bytes above 0x7F, the share that touch an ASCII letter: high for accented letters
/// in Latin words, low for words written entirely in another script.
function latinShare(bytes: Uint8Array): number {
  let high = 0;
  let besideLatin = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    if (isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[i + 1])) besideLatin++;
  }
  return high === 0 ? 1 : besideLatin / high;
}

function isAsciiLetter(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
}

/// How Russian the characters above U+007F of `text` look: the sum of the log shares of its
/// letters, so one scrambled decoding loses to the right one even in a short text.
function cyrillicScore(text: string): number {
  let score = 0;
  for (const char of text) {
    if (char < '\u0080') continue;
    score += Math.log(russianLetterShare[char.toLowerCase()] ?? NOT_A_LETTER);
  }
  return score;
}
