/// A highlight's quote and context (W3C TextQuoteSelector), taken from the canonical text.
import { isHighSurrogate, isLowSurrogate } from './codepoints.ts';

/// Code points of context kept on each side of a highlight.
export const CONTEXT_LENGTH = 32;

export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

export function describeQuote(text: string, start: number, end: number): Quote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(stepBack(text, start, CONTEXT_LENGTH), start),
    suffix: text.slice(end, stepForward(text, end, CONTEXT_LENGTH)),
  };
}

/// The offset `count` code points before `from`, never splitting a surrogate pair.
function stepBack(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i > 0; n++) {
    i -= i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && isHighSurrogate(text.charCodeAt(i - 2)) ? 2 : 1;
  }
  return i;
}

function stepForward(text: string, from: number, count: number): number {
  let i = from;
  for (let n = 0; n < count && i < text.length; n++) {
    i += isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/// The start of a quote as a label or a message names it ("Delete highlight “…”"): on one
/// line, at most 60 characters with the ellipsis, never cut inside a character.
export function shortQuote(text: string): string {
  const points = Array.from(text.replace(/\s+/g, ' ').trim());
  return points.length > 60 ? `${points.slice(0, 59).join('')}…` : points.join('');
}
