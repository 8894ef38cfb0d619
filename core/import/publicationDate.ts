/// Finds the date a press release states near its top ("19 November 2021",
/// "November 19, 2021", "2021-11-19", "19.11.2021") and gives it as an ISO date.

/// How many non-empty lines from the top may hold the date line.
export const DATE_LINE_WINDOW = 5;
/// A date further into a line than this is part of a sentence, not a date line.
const DATE_START_LIMIT = 60;

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthName = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ordinal = '(?:st|nd|rd|th)?';

type Parts = (match: RegExpExecArray) => [year: string, month: string | number, day: string];

const patterns: [RegExp, Parts][] = [
  [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, (m) => [m[1]!, m[2]!, m[3]!]],
  [new RegExp(`\\b(\\d{1,2})${ordinal}\\s+(?:of\\s+)?${monthName}\\.?,?\\s+(\\d{4})\\b`, 'i'), (m) => [m[3]!, monthNumber(m[2]!), m[1]!]],
  [new RegExp(`\\b${monthName}\\.?\\s+(\\d{1,2})${ordinal},?\\s+(\\d{4})\\b`, 'i'), (m) => [m[3]!, monthNumber(m[1]!), m[2]!]],
  [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, (m) => [m[3]!, m[2]!, m[1]!]],
];

function monthNumber(name: string): number {
  const prefix = name.toLowerCase().slice(0, 3);
  return months.findIndex((month) => month.startsWith(prefix)) + 1;
}

/// The ISO date a line states near its start, or null (also for impossible dates such as 31.02.2021).
export function dateInLine(line: string): string | null {
  let found: { index: number; iso: string } | null = null;
  for (const [pattern, parts] of patterns) {
    const match = pattern.exec(line);
    if (!match || match.index > DATE_START_LIMIT || (found && found.index <= match.index)) continue;
    const iso = isoDate(...parts(match));
    if (iso) found = { index: match.index, iso };
  }
  return found?.iso ?? null;
}

/// The first line among the first few non-empty ones that states a date: its index and the ISO date.
export function findDateLine(lines: readonly string[]): { index: number; iso: string } | null {
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    if (!/\S/.test(line)) continue;
    const iso = dateInLine(line);
    if (iso) return { index, iso };
    if (++seen >= DATE_LINE_WINDOW) break;
  }
  return null;
}

/// The first date stated in the first few non-empty lines, or null.
export function findPublicationDate(lines: readonly string[]): string | null {
  return findDateLine(lines)?.iso ?? null;
}

function isoDate(year: string, month: string | number, day: string): string | null {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < 1900 || y > 2199) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
