/// Where the statements of one block of text start and end, so that a click or a key can
/// select a whole sentence of a press release. The browser's sentence segmenter does most of
/// the work; this file corrects it where press releases trip it up: a sentence break inside a
/// quotation, a full stop after a title ("Mr.", "e.g."), a closing « » set off by spaces.
/// Blocks never join: the text given is one paragraph's, and offsets count UTF-16 units in it.

/// A statement's place in its block's text: `start` at its first character, `end` just after
/// its last (whitespace around it belongs to no statement).
export interface StatementRange {
  start: number;
  end: number;
}

/// The statements of a block's text, in order. `locale` (a BCP 47 tag such as the document's
/// language) tunes the segmenter; an empty or whitespace-only text has none, and a text
/// without any sentence punctuation is one statement.
export function statementBounds(text: string, locale?: string): StatementRange[] {
  const quotations = outerQuotations(text);
  const closers = new Set(quotations.map((q) => q.close));
  const candidates = new Set(segmenterBreaks(text, locale));
  for (const q of quotations) {
    const after = breakAfterQuotation(text, q);
    if (after !== null) candidates.add(after);
  }
  const statements: StatementRange[] = [];
  let start = 0;
  for (const at of [...candidates].sort((a, b) => a - b)) {
    if (quotations.some((q) => q.open < at && at <= q.close)) continue;
    if (continuesAfterAbbreviation(text, start, at)) continue;
    if (continuesAfterClosingQuote(text, at, closers)) continue;
    pushTrimmed(statements, text, start, at);
    start = at;
  }
  pushTrimmed(statements, text, start, text.length);
  return statements;
}

/// The statement the offset stands in (its end counts as inside, where a cursor after the
/// full stop stands). An offset in the whitespace between two statements belongs to the one
/// before it; one before the first statement to the first. Null when the text has none.
export function statementAt(text: string, offset: number, locale?: string): StatementRange | null {
  checkOffset(text, offset, 'offset');
  const statements = statementBounds(text, locale);
  let found: StatementRange | null = statements[0] ?? null;
  for (const statement of statements) {
    if (statement.start > offset) break;
    found = statement;
  }
  return found;
}

/// The range from `start` to `end` snapped to the whole statements it touches, from the
/// first one's start to the last one's end: a collapsed range becomes the statement around
/// it, a range already on statement bounds stays, and whitespace at a range's edges touches
/// no statement (it is left out). A range over whitespace alone is returned as it is.
export function snapToStatements(text: string, start: number, end: number, locale?: string): StatementRange {
  checkOffset(text, start, 'start');
  checkOffset(text, end, 'end');
  if (start > end) throw new RangeError(`Statement range starts at ${start}, after its end ${end}: pass the smaller offset first.`);
  if (start === end) return statementAt(text, start, locale) ?? { start, end };
  const statements = statementBounds(text, locale);
  const first = statements.find((s) => s.end > start);
  const last = statements.findLast((s) => s.start < end);
  if (!first || !last || first.start >= end) return { start, end };
  return { start: first.start, end: last.end };
}

function checkOffset(text: string, offset: number, name: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
    throw new RangeError(`Statement ${name} ${offset} is outside the block's text (0 to ${text.length}): pass an offset within the block.`);
  }
}

function pushTrimmed(statements: StatementRange[], text: string, start: number, end: number): void {
  while (start < end && isSpace(text[start]!)) start++;
  while (end > start && isSpace(text[end - 1]!)) end--;
  if (end > start) statements.push({ start, end });
}

const segmenters = new Map<string, Intl.Segmenter>();

/// Where the segmenter starts each sentence after the first.
function segmenterBreaks(text: string, locale: string | undefined): number[] {
  // The segmenter ends a sentence at "..." before a capital but never at "…": the one
  // character becomes a full stop, of the same length, so both end a sentence alike.
  const read = text.replaceAll('…', '.');
  const breaks: number[] = [];
  for (const { index } of sentenceSegmenter(locale).segment(read)) if (index > 0) breaks.push(index);
  return breaks;
}

function sentenceSegmenter(locale: string | undefined): Intl.Segmenter {
  const key = locale ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    } catch {
      // A document's language comes from the imported file and may not be a valid tag.
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/// A quotation: the offsets of its opening and of its closing mark.
interface Quotation {
  open: number;
  close: number;
}

/// Each opening mark and the marks that may close it. “…” and «…» are English and French,
/// „…“ German and Russian inner quotes, „…” Polish and Hungarian.
const OPENERS = new Map<string, string>([
  ['“', '”'],
  ['„', '“”'],
  ['«', '»'],
  ['‹', '›'],
  ['‚', '‘’'],
  ['‘', '’'],
  ['"', '"'],
  ["'", "'"],
]);
/// Marks that open a quotation only where a word may start (they also close one, or stand
/// for an apostrophe), not after a letter as in `5"` or `don't`.
const OPENS_BEFORE_WORD = new Set(['‘', '"', "'"]);
/// Marks that are also apostrophes: never a closing quote inside a word (don’t, d’accord).
const APOSTROPHES = new Set(['’', "'"]);

/// The quotations that stand in no other, matched by nesting. An opening mark that never
/// closes (a stray one, or a quotation going on in the next paragraph) makes none, so it
/// cannot swallow the rest of the block.
function outerQuotations(text: string): Quotation[] {
  const open: { mark: string; at: number }[] = [];
  const found: Quotation[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = text[i]!;
    const closes = !(APOSTROPHES.has(mark) && isLetterAt(text, i + 1));
    const depth = closes ? open.findLastIndex((o) => OPENERS.get(o.mark)!.includes(mark)) : -1;
    if (depth >= 0) {
      if (depth === 0) found.push({ open: open[0]!.at, close: i });
      open.length = depth;
    } else if (OPENERS.has(mark) && (!OPENS_BEFORE_WORD.has(mark) || opensBeforeWord(text, i))) {
      open.push({ mark, at: i });
    }
  }
  return found;
}

function opensBeforeWord(text: string, at: number): boolean {
  const before = at > 0 ? text[at - 1]! : ' ';
  const after = text[at + 1];
  return after !== undefined && !isSpace(after) && !/[\p{L}\p{N}.,;:!?)\]}]/u.test(before);
}

/// Where the next statement starts when a quotation ends its own sentence (a full stop,
/// "!", "?" or "…" before the closing mark): after the mark and the spaces that follow,
/// unless the text goes on in lower case (“We agree,” he said). The segmenter finds this
/// itself for `agree.” He`, but not for the French `signerons. » Les` with its space.
function breakAfterQuotation(text: string, quotation: Quotation): number | null {
  let before = quotation.close;
  while (before > quotation.open + 1 && isSpace(text[before - 1]!)) before--;
  if (!/[.!?…]/.test(text[before - 1] ?? '')) return null;
  let next = quotation.close + 1;
  while (next < text.length && isSpace(text[next]!)) next++;
  if (next === text.length || !startsSentence(text, next)) return null;
  return next;
}

/// Whether the text at `at` may begin a sentence: not a lower-case word, not punctuation
/// that carries on the sentence before it.
function startsSentence(text: string, at: number): boolean {
  return !isLowerCaseAt(text, at) && !/[,;:)\]}\-–—]/.test(text[at]!);
}

/// A break after "?" or "!" in a quotation, before a lower-case word, is not one:
/// “Why not?” asked the minister.
function continuesAfterClosingQuote(text: string, at: number, closers: ReadonlySet<number>): boolean {
  let before = at;
  while (before > 0 && isSpace(text[before - 1]!)) before--;
  return closers.has(before - 1) && isLowerCaseAt(text, at);
}

/// Abbreviations after which the segmenter would end a sentence before a capital, though a
/// name or a number always follows them in press releases. Left out on purpose, as they
/// often do end a sentence: "etc.", "a.m.", "p.m.", "Inc.", "Jr.", Russian "т. д."; "г."
/// ends one after a year ("2024 г.") but not before a city ("г. Москва"). Each is matched
/// in the case written ("No." the number sign, not the word "no.").
const ABBREVIATIONS = [
  // Titles and forms of address.
  'Mr.', 'Mrs.', 'Ms.', 'Messrs.', 'Dr.', 'Prof.', 'Rev.', 'Hon.', 'Amb.', 'Gen.', 'Lt.', 'Col.',
  'Capt.', 'Maj.', 'Adm.', 'Gov.', 'Sen.', 'Rep.', 'Pres.', 'St.', 'Mt.', 'MM.', 'Mgr.',
  // Latin and references.
  'e.g.', 'E.g.', 'i.e.', 'I.e.', 'cf.', 'Cf.', 'viz.', 'vs.', 'approx.', 'ca.', 'No.', 'Nos.',
  'Art.', 'Arts.', 'art.', 'Para.', 'para.', 'Paras.', 'paras.', 'Vol.', 'Ch.', 'Fig.', 'p.', 'pp.',
  // Russian: "that is", "since", "so-called", "for example", "see", "compare", titles, "named after", "street", "city".
  'т. е.', 'т.е.', 'т. к.', 'т.к.', 'т. н.', 'т.н.', 'напр.', 'см.', 'ср.', 'проф.', 'акад.', 'им.', 'ул.', 'г.',
];

/// Initialisms of places and bodies, which end a sentence as often as they start a name:
/// after one, a sentence goes on only into a word of its title ("the U.S. Secretary of State").
const PLACE_INITIALISMS = new Set(['U.S.', 'U.S.A.', 'U.K.', 'U.N.', 'E.U.', 'U.A.E.', 'U.S.S.R.', 'D.C.']);
const TITLE_WORDS = new Set([
  'Administration', 'Ambassador', 'Army', 'Charter', 'Congress', 'Delegation', 'Department', 'Embassy',
  'Envoy', 'General', 'Government', 'Mission', 'Navy', 'Permanent', 'President', 'Representative',
  'Secretary', 'Security', 'Senate', 'Special', 'State', 'Treasury',
]);

/// Whether the break at `at` only follows an abbreviation or a person's initials, so the
/// statement begun at `start` goes on.
function continuesAfterAbbreviation(text: string, start: number, at: number): boolean {
  // Whitespace of any kind (a no-break space after "т." included) reads as one space.
  const before = text.slice(Math.max(start, at - 24), at).replace(/\s+/g, ' ').trimEnd();
  const found = ABBREVIATIONS.find((a) => before.endsWith(a) && !isWordCharacter(before[before.length - a.length - 1]));
  // After a year "г." ends a sentence, unless the year is all there is so far: "В 2024 г. Россия …".
  if (found === 'г.' && /\d ?г\.$/.test(before)) return /^(?:\p{L}+ )?\d+ ?г\.$/u.test(text.slice(start, at).replace(/\s+/g, ' ').trim());
  if (found) return true;
  const initials = /(?:^|[^\p{L}\p{N}.])((?:\p{Lu}\. ?)*\p{Lu}\.)$/u.exec(before)?.[1]?.replaceAll(' ', '');
  if (!initials || initials === 'I.') return false;
  // A statement is never an initialism alone ("U.S." before "Secretary of State …").
  if (text.slice(start, at).trim().replaceAll(' ', '') === initials) return true;
  if (!PLACE_INITIALISMS.has(initials)) return true;
  return TITLE_WORDS.has(/^\p{L}+/u.exec(text.slice(at))?.[0] ?? '');
}

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}.]/u.test(char);
}

function isSpace(char: string): boolean {
  return /\s/.test(char);
}

function isLetterAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  return code !== undefined && /\p{L}/u.test(String.fromCodePoint(code));
}

function isLowerCaseAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  return code !== undefined && /\p{Ll}/u.test(String.fromCodePoint(code));
}
