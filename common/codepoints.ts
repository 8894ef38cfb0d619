/// Offsets inside Excerpt count UTF-16 code units (what JavaScript and ProseMirror count);
/// offsets that leave the program (CSV, JSON, W3C, REFI-QDA) count Unicode code points.
/// The functions here are the only place the two are converted.

/// The code-point offset of UTF-16 offset `utf16` in `text`.
export function toCodePointOffset(text: string, utf16: number): number {
  let points = 0;
  for (let i = 0; i < utf16 && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate continues the code point its high surrogate began.
    if (!(unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) points++;
  }
  return points;
}

/// toCodePointOffset for many offsets into one text: the text is read once, then an offset
/// costs a binary search among its astral characters instead of a walk from the start.
export function codePointOffsets(text: string): (utf16: number) => number {
  // Where each low surrogate that continues a code point stands (one per astral character).
  const continuations: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) continuations.push(i);
  }
  return (utf16) => {
    const end = Math.min(Math.max(utf16, 0), text.length);
    let low = 0;
    let high = continuations.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (continuations[mid]! < end) low = mid + 1;
      else high = mid;
    }
    return end - low;
  };
}

/// The UTF-16 offset of code-point offset `points` in `text` (clamped to the text's end).
export function toUtf16Offset(text: string, points: number): number {
  let i = 0;
  for (let seen = 0; seen < points && i < text.length; seen++) {
    i += isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
