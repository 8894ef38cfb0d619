/// Joins the lines of a paragraph laid out for print back into running text, undoing the
/// hyphenation at line ends ("informa-" + "tion" is "information") but keeping the hyphen of
/// a compound that happened to break there ("well-" + "known" is "well-known").
///
/// Which of the two a line-end hyphen is, the document itself tells, used as a dictionary:
/// 1. the hyphenated form occurs elsewhere in it ("well-known") -> keep the hyphen;
/// 2. else the joined word occurs elsewhere ("information") -> join;
/// 3. else both halves occur as words of their own ("long", "term") -> keep the hyphen;
/// 4. else join: a fragment such as "informa" is no word of the document.
/// A soft hyphen (U+00AD) always joins; before a capital or a digit ("Franco-German",
/// "COVID-19") the hyphen always stays.

/// The words of a document, for deciding line-end hyphens.
export interface Vocabulary {
  words: Set<string>;
  /// Hyphenated words, written with "-".
  compounds: Set<string>;
}

const word = /[\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)*/gu;
/// A word fragment and a hyphen (ASCII, Unicode hyphen or soft hyphen) ending a line.
const hyphenAtEnd = /([\p{L}\p{M}]+)([-\u2010\u00ad])$/u;

/// The vocabulary of a document's paragraphs, each given as its lines. The halves of a
/// word broken across lines are not words, so they are left out.
export function vocabularyOf(paragraphs: readonly (readonly string[])[]): Vocabulary {
  const vocabulary: Vocabulary = { words: new Set(), compounds: new Set() };
  for (const lines of paragraphs) {
    for (const [i, line] of lines.entries()) {
      let text = hyphenAtEnd.test(line) ? line.replace(/[\p{L}\p{M}]+[-\u2010\u00ad]$/u, '') : line;
      if (i > 0 && hyphenAtEnd.test(lines[i - 1]!)) text = text.replace(/^[\p{L}\p{M}]+/u, '');
      for (const [found] of text.matchAll(word)) {
        const lower = found.toLowerCase().replace(/\u2010/g, '-');
        if (lower.includes('-')) vocabulary.compounds.add(lower);
        for (const part of lower.split('-')) vocabulary.words.add(part);
      }
    }
  }
  return vocabulary;
}

/// The lines as one running text: a space between lines, or the hyphenated word rejoined.
export function joinLines(lines: readonly string[], vocabulary: Vocabulary): string {
  let text = lines[0] ?? '';
  for (const next of lines.slice(1)) {
    const broken = hyphenAtEnd.exec(text);
    if (!broken) {
      text += ` ${next}`;
    } else if (broken[2] === '\u00ad') {
      text = text.slice(0, -1) + next;
    } else if (/^\p{Ll}/u.test(next)) {
      const rest = /^[\p{L}\p{M}]+/u.exec(next)![0];
      text = keepsHyphen(broken[1]!, rest, vocabulary) ? text + next : text.slice(0, -1) + next;
    } else if (/^[\p{Lu}\p{Lt}\p{N}]/u.test(next)) {
      text += next;
    } else {
      text += ` ${next}`;
    }
  }
  return text;
}

function keepsHyphen(before: string, after: string, { words, compounds }: Vocabulary): boolean {
  const [head, tail] = [before.toLowerCase(), after.toLowerCase()];
  if (compounds.has(`${head}-${tail}`)) return true;
  if (words.has(head + tail)) return false;
  return words.has(head) && words.has(tail);
}
