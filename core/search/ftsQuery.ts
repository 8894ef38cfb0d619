/// Turns what an analyst typed into the search box into an FTS5 query that cannot be a
/// syntax error: every word becomes a quoted phrase (so AND, NEAR, "-", ":" and quotes
/// mean nothing special), words in double quotes stay one phrase, and a `*` at the end of
/// the last word searches for words that begin with it. All words must occur.

/// The FTS5 query for `typed`, or null when it holds no letter or digit to search for.
export function ftsQuery(typed: string): string | null {
  const words: string[] = [];
  let prefix = false;
  for (const match of typed.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const quoted = match[1] !== undefined;
    const raw = (quoted ? match[1] : match[2])!;
    const word = raw.replace(/\*/g, ' ').trim();
    if (!/[\p{L}\p{N}]/u.test(word)) continue;
    words.push(`"${word}"`);
    prefix = !quoted && raw.endsWith('*');
  }
  if (words.length === 0) return null;
  return words.join(' ') + (prefix ? '*' : '');
}
