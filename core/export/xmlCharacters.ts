/// The characters a library text may carry into an XML file. A press release pasted from a
/// PDF or a mail can hold control characters, and a damaged file a lone surrogate; XML 1.0
/// forbids both, and Word or Excel refuses a file that holds one. The writers of XML formats
/// (REFI-QDA, Word, Excel) pass the library's texts through here, and so do those of HTML and
/// Markdown, whose readers forbid or mangle the same characters.

/// XML 1.0 allows tab, line feed, carriage return and the code points from U+0020 except
/// surrogates (so lone ones go too), U+FFFE and U+FFFF.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/// `text` without the characters XML 1.0 forbids; every other character, emoji included, kept.
export function xmlCharacters(text: string): string {
  return text.replace(FORBIDDEN, '');
}
