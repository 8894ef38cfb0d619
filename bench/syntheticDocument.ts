/// A long press release with many highlights, for the editor and anchoring benchmarks: a
/// communiqué of about 1 MB (title, date line, paragraphs of two to six sentences written in
/// the register of diplomatic statements) and 5,000 highlights on its canonical text, of which
/// a fifth overlap another highlight and a tenth cross from one paragraph into the next.
/// Deterministic for a seed: the same seed gives the same text and highlights.
import { seededRandom } from './pressReleases.ts';

/// The codebook the highlights are tagged from (index = a highlight's `tags` entry).
export const SYNTHETIC_CODEBOOK: readonly { name: string; color: string }[] = [
  { name: 'Role of the United Nations', color: '#1c7ed6' },
  { name: 'Sovereignty', color: '#e8590c' },
  { name: 'Cooperation offered', color: '#2b8a3e' },
  { name: 'Norms of behaviour', color: '#ae3ec9' },
  { name: 'Capacity-building', color: '#0c8599' },
  { name: 'Concern or criticism', color: '#c92a2a' },
];

/// A highlight on the synthetic text: canonical-text offsets (UTF-16, end exclusive) and its
/// tags as indexes into SYNTHETIC_CODEBOOK.
export interface SyntheticHighlight {
  start: number;
  end: number;
  tags: number[];
}

/// The generated press release: `text` is its canonical text (what the plain-text import of
/// `text` stores), title and date line included.
export interface SyntheticDocument {
  title: string;
  text: string;
  highlights: SyntheticHighlight[];
}

/// How the benchmarks' document is made; every field has the issue's default.
export interface SyntheticOptions {
  seed?: number;
  /// UTF-8 size of the text, reached or just passed.
  bytes?: number;
  highlights?: number;
  /// Share of the highlights that overlap another one (they come in overlapping pairs).
  overlapping?: number;
  /// Share of the highlights that run from the end of a paragraph into the next.
  crossing?: number;
}

const TITLE = 'Joint communiqué of the Tenth Conference of Foreign Ministers on Digital Cooperation';
const DATE_LINE = '14 October 2024';

const subjects = [
  'The ministers', 'The Parties', 'The participants', 'The co-chairs', 'The heads of delegation', 'The Conference',
  'The Secretariat', 'Both governments', 'The signatories', 'The observer States', 'The troika', 'The expert group',
];
const verbs = [
  'reaffirmed', 'underscored', 'acknowledged', 'took note of', 'commended', 'expressed deep concern about', 'endorsed',
  'recalled', 'emphasised', 'looked forward to', 'deplored', 'highlighted', 'welcomed', 'called for',
];
const responses = ['welcomed', 'took note of', 'accepted', 'commended', 'expressed gratitude for', 'will consider'];
const presentVerbs = [
  'remain committed to', 'cannot accept any weakening of', 'will continue to champion', 'stand ready to support',
  'attach the highest importance to', 'are determined to advance', 'see no alternative to',
];
const qualifiers = [
  'the urgency of', 'continued dialogue on', 'the central role of the United Nations in', 'a balanced approach to',
  'concrete steps towards', 'the early conclusion of talks on', 'the principles underpinning', 'voluntary commitments on',
  'regional initiatives on', 'the need for predictable rules on',
];
const topics = [
  'secure and resilient supply chains for telecommunications equipment', 'the peaceful settlement of disputes in cyberspace',
  'a global framework for the governance of artificial intelligence', 'universal access to broadband in rural areas',
  'the protection of submarine communication cables', 'the free flow of data with trust',
  'the fight against disinformation during elections', 'the exchange of best practices among national CERTs',
  'the implementation of the agreed norms of State behaviour', 'the digital transformation of public services',
  'assistance to small island developing States', 'the interoperability of digital identity systems',
  'the allocation of the radio-frequency spectrum', 'the prevention of ransomware attacks on hospitals',
  'mutual legal assistance in criminal matters', 'the preservation of a single, open Internet',
  'confidence-building measures between computer emergency teams', 'the security of satellite navigation signals',
];
const tails = [
  'in full respect of national sovereignty', 'in line with the Charter of the United Nations',
  'on the basis of mutual respect and equality', 'with due regard for human rights and fundamental freedoms',
  'for the benefit of present and future generations', 'in close consultation with the private sector',
  'without prejudice to existing obligations', 'through the relevant multilateral channels',
  'in a spirit of openness and transparency', 'at the earliest possible date', 'as a matter of common interest',
];
const countries = [
  'Valdoria', 'Kestrelia', 'the Republic of Ostmark', 'Marisolia', 'Thalassia', 'the Kingdom of Eburnia', 'Nova Arcadia',
  'Lusitria', 'Côte Verdane', 'São Marcos', 'the Federation of Korvinia', 'the Union of Selvane', 'Aurelia Minor', 'Baltavia',
];
const officials = [
  'Ambassador Elin Varga', 'Minister Tomás Ruiz-Ortega', 'Deputy Minister Amara Okafor', 'State Secretary Henrik Löw',
  'Special Envoy Mei-Lin Zhou', 'Foreign Minister Idris Halvorsen', 'Ambassador Noor Castellanos', 'Minister Pavel Drozdik',
];
const cities = ['Port Aurel', 'Velmora', 'Kastri', 'Nordhaven', 'Saint-Irénée', 'Belcastro', 'Ormund', 'Lys-en-Val'];
const meetings = [
  'the next ministerial meeting', 'an expert workshop on capacity-building', 'a high-level round table',
  'the third review conference', 'informal consultations', 'a joint working session', 'a regional seminar',
];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/// The communiqué and its highlights; throws if the options ask for more highlights than
/// the text has sentences to carry.
export function syntheticDocument(options: SyntheticOptions = {}): SyntheticDocument {
  const { seed = 20241014, bytes = 1_000_000, highlights = 5_000, overlapping = 0.2, crossing = 0.1 } = options;
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lower = (phrase: string) => phrase[0]!.toLowerCase() + phrase.slice(1);
  const object = () => `${pick(qualifiers)} ${pick(topics)}`;
  const date = () => `${1 + Math.floor(random() * 28)} ${pick(months)} ${2019 + Math.floor(random() * 6)}`;
  const sentence = (): string => {
    switch (Math.floor(random() * 7)) {
      case 0: return `${pick(subjects)} ${pick(verbs)} ${object()} ${pick(tails)}.`;
      case 1: return `The delegation of ${pick(countries)} reported that its government ${pick(verbs)} ${object()} on ${date()}.`;
      case 2: return `"We ${pick(presentVerbs)} ${object()}," said ${pick(officials)} of ${pick(countries)}.`;
      case 3: return `Ministers met in ${pick(cities)} on ${date()} and ${pick(verbs)} ${object()}.`;
      case 4: return `${pick(subjects)} agreed to convene ${pick(meetings)} in ${pick(cities)}, ${pick(tails)}.`;
      case 5: return `In this regard, ${lower(pick(subjects))} drew attention to ${pick(topics)}, ${pick(tails)}.`;
      default: return `${pick(countries).replace(/^the /, 'The ')} offered to host ${pick(meetings)}, and ${lower(pick(subjects))} ${pick(responses)} the offer.`;
    }
  };

  // Paragraphs as lists of sentences, until the text reaches its size.
  const paragraphs: string[][] = [];
  let size = Buffer.byteLength(`${TITLE}\n\n${DATE_LINE}`);
  while (size < bytes) {
    const sentences = Array.from({ length: 2 + Math.floor(random() * 5) }, sentence);
    paragraphs.push(sentences);
    size += Buffer.byteLength(sentences.join(' ')) + 2;
  }

  // Every body sentence with its offsets in the canonical text.
  const spans: Span[] = [];
  let offset = TITLE.length + 2 + DATE_LINE.length + 2;
  paragraphs.forEach((sentences, paragraph) => {
    sentences.forEach((text, i) => {
      spans.push({ start: offset, text, paragraph, last: i === sentences.length - 1 });
      offset += text.length + 1;
    });
    offset += 1; // "\n\n" after the paragraph instead of the space after its last sentence
  });
  const text = [TITLE, DATE_LINE, ...paragraphs.map((sentences) => sentences.join(' '))].join('\n\n');

  // Sites: a paragraph end and the next paragraph's start for a crossing highlight, one
  // sentence for a pair of overlapping highlights or for a highlight on its own. Sites never
  // share a sentence, so the only overlaps are the pairs'.
  const crossingCount = Math.round(highlights * crossing);
  const pairCount = Math.round((highlights * overlapping) / 2);
  const singleCount = highlights - crossingCount - 2 * pairCount;
  const used = new Set<number>();
  const paragraphEnds = shuffle(spans.flatMap((span, i) => (span.last && spans[i + 1] ? [i] : [])), random);
  const crossingSites = paragraphEnds.slice(0, crossingCount);
  for (const i of crossingSites) used.add(i).add(i + 1);
  const free = shuffle(spans.flatMap((_, i) => (used.has(i) ? [] : [i])), random);
  if (crossingSites.length < crossingCount || free.length < pairCount + singleCount) {
    throw new Error(`syntheticDocument: ${bytes} bytes hold too few sentences for ${highlights} highlights; ask for a larger text.`);
  }

  const placed: Omit<SyntheticHighlight, 'tags'>[] = [];
  for (const i of crossingSites) {
    const before = wordsOf(spans[i]!);
    const after = wordsOf(spans[i + 1]!);
    const from = before[before.length - 1 - Math.floor(random() * Math.min(4, before.length))]!;
    const to = after[Math.min(after.length - 1, 1 + Math.floor(random() * 4))]!;
    placed.push({ start: from.start, end: to.end });
  }
  free.slice(0, pairCount).forEach((i, n) => placed.push(...overlappingPair(wordsOf(spans[i]!), n % 2 === 0, random)));
  for (const i of free.slice(pairCount, pairCount + singleCount)) {
    const words = wordsOf(spans[i]!);
    const first = Math.floor(random() * Math.max(1, words.length - 3));
    const last = Math.min(words.length - 1, first + 2 + Math.floor(random() * 10));
    placed.push({ start: words[first]!.start, end: words[last]!.end });
  }

  placed.sort((a, b) => a.start - b.start || a.end - b.end);
  const tagged = placed.map((range) => {
    const first = Math.floor(random() * SYNTHETIC_CODEBOOK.length);
    const second = (first + 1 + Math.floor(random() * (SYNTHETIC_CODEBOOK.length - 1))) % SYNTHETIC_CODEBOOK.length;
    return { ...range, tags: random() < 0.2 ? [first, second] : [first] };
  });
  return { title: TITLE, text, highlights: tagged };
}

/// One sentence of the body and where it starts in the canonical text.
interface Span {
  start: number;
  text: string;
  paragraph: number;
  /// The last sentence of its paragraph.
  last: boolean;
}

interface Word {
  start: number;
  end: number;
}

function wordsOf(span: Span): Word[] {
  return [...span.text.matchAll(/\S+/g)].map((m) => ({ start: span.start + m.index, end: span.start + m.index + m[0].length }));
}

/// Two highlights on one sentence that overlap: one partly over the other (`partial`), or
/// one nested inside the other.
function overlappingPair(words: readonly Word[], partial: boolean, random: () => number): Omit<SyntheticHighlight, 'tags'>[] {
  const n = words.length; // every sentence has at least seven words
  const a = Math.floor(random() * (n - 6));
  const range = (first: number, last: number) => ({ start: words[first]!.start, end: words[last]!.end });
  if (partial) {
    const b = a + 2 + Math.floor(random() * (n - a - 5)); // last word of the first highlight
    const c = a + 1 + Math.floor(random() * (b - a)); // first word of the second, inside the first
    const d = b + 1 + Math.floor(random() * (n - b - 1));
    return [range(a, b), range(c, d)];
  }
  const b = Math.min(n - 1, a + 4 + Math.floor(random() * 8));
  return [range(a, b), range(a + 1 + Math.floor(random() * (b - a - 2)), b - 1)];
}

/// A seeded Fisher–Yates shuffle of a copy of `items`.
function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
