/// The shapes anchoring speaks in: a highlight's stored selectors (a W3C TextPositionSelector
/// and TextQuoteSelector in one) and the range they resolve to in a text. Offsets are UTF-16
/// code units, end exclusive, as everywhere inside Excerpt.

/// A range of a text.
export interface TextRange {
  start: number;
  end: number;
}

/// Where a highlight stood and what it quoted, as stored with it.
export interface TextSelector extends TextRange {
  /// The quoted text, text.slice(start, end) when it was made.
  exact: string;
  /// Up to 32 code points before the quote, and after it.
  prefix: string;
  suffix: string;
}
