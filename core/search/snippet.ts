/// A search snippet as parts the UI can show without parsing markup: SQLite's snippet()
/// wraps each matched word in two marker characters that press releases do not contain.

/// Private-use characters that open and close a matched word in snippet().
export const MATCH_OPEN = '\uE000';
/// See MATCH_OPEN.
export const MATCH_CLOSE = '\uE001';

/// A run of snippet text; `match` marks the words the query found.
export interface SnippetPart {
  text: string;
  match: boolean;
}

/// The parts of a snippet marked with MATCH_OPEN and MATCH_CLOSE.
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
    text = '';
  };
  for (const char of marked) {
    if (char === MATCH_OPEN || char === MATCH_CLOSE) {
      flush();
      match = char === MATCH_OPEN;
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}
