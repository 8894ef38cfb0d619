/// Where a quote typed on the command line stands in a document's canonical text.

/// Where a quote was found, or, when it was not, what nearly matched.
export type QuoteMatch =
  /// `occurrences`: how many times the quote occurs (the first one is the match).
  | { found: true; start: number; end: number; occurrences: number }
  /// `nearly`: the passage that matches when spacing, case and quotation marks are ignored.
  | { found: false; nearly: string | null };

/// The first exact occurrence of `quote` (UTF-16 offsets, end exclusive). Only an exact match
/// is tagged; the loose one is there to tell the analyst what to type instead.
export function findQuote(text: string, quote: string): QuoteMatch {
  const start = text.indexOf(quote);
  if (start >= 0) return { found: true, start, end: start + quote.length, occurrences: text.split(quote).length - 1 };
  const loose = new RegExp(Array.from(quote.trim().replace(/\s+/gu, ' '), looseChar).join(''), 'iu');
  return { found: false, nearly: loose.exec(text)?.[0] ?? null };
}

function looseChar(char: string): string {
  if (/\s/u.test(char)) return '\\s+';
  if (/["“”„«»]/u.test(char)) return '["“”„«»]';
  if (/['‘’‚]/u.test(char)) return "['‘’‚]";
  if (/[-‐‑–—]/u.test(char)) return '[-‐‑–—]';
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
