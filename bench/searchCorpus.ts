/// Generated press releases for the search benchmarks: deterministic for a seed, fast enough
/// to make 100,000 of about 400 words in seconds, with words drawn from a Zipf distribution
/// (the r-th word is used about 1/r as often as the first), so the library holds words in
/// nearly every document, words in a few percent of them and words in a few dozen. About one
/// word in ten is Cyrillic and one in ten carries a diacritic.
import { seededRandom } from './pressReleases.ts';

/// One generated press release, in blocks as the library stores them.
export interface CorpusDocument {
  title: string;
  source: string;
  /// ISO date.
  published: string;
  /// The body's paragraphs, without the title and date line.
  paragraphs: string[];
}

/// What the generator used, to pick query terms by how many documents hold them.
export interface SearchCorpus {
  /// The vocabulary, most frequent first; no two words are the same once case and
  /// diacritics are folded, so each is one term of the index.
  words: readonly string[];
  /// How many documents hold each word (title or text), by its index in `words`.
  documentFrequency: Uint32Array;
}

/// Vocabulary size: with 40 million words drawn, the last word still occurs about 70 times.
const VOCABULARY = 50_000;
/// Real words at the top of the vocabulary, roughly in the order press releases use them.
const commonWords = [
  'the', 'of', 'and', 'to', 'in', 'a', 'on', 'for', 'with', 'is', 'that', 'by', 'as', 'was', 'at', 'from', 'security', 'information',
  'international', 'cooperation', 'ministry', 'states', 'parties', 'said', 'will', 'it', 'be', 'an', 'meeting', 'are', 'development',
  'this', 'which', 'their', 'cyber', 'press', 'conference', 'president', 'delegation', 'government', 'statement', 'заявление',
  'genève', 'coopération', 'безопасности', 'talks', 'agreement', 'zürich', 'minister', 'council', 'support', 'digital', 'network',
];
const latinSyllables = ['ar', 'na', 'vi', 'bel', 'mo', 'ra', 'cal', 'do', 'ze', 're', 'tes', 'sa', 'ly', 'or', 've', 'ta', 'kan', 'mir', 'lo', 'su', 'ga', 'den', 'tor', 'il', 'ma', 'ku', 'sen', 'dri', 'pol', 'vak'];
const accentedSyllables = ['é', 'ü', 'ö', 'ça', 'ñe', 'å', 'è', 'ê', 'á', 'ó'];
const cyrillicSyllables = ['ва', 'ро', 'ми', 'ка', 'ле', 'ст', 'на', 'по', 'ди', 'ту', 'жа', 'бе', 'ри', 'зо', 'лы', 'ще', 'ён', 'го', 'ся', 'ук'];
const sources = ['Ministry of Foreign Affairs', 'Security Council', 'National Cyber Agency', 'Office of the President', 'Telecom Authority'];

/// The folded form by which two words are the same term (case and diacritics dropped).
function folded(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function vocabulary(random: () => number): string[] {
  const pick = (items: readonly string[]) => items[Math.floor(random() * items.length)]!;
  const words = [...commonWords];
  const seen = new Set(words.map(folded));
  while (words.length < VOCABULARY) {
    const kind = words.length % 10;
    const syllables = kind === 3 ? cyrillicSyllables : latinSyllables;
    const parts = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables));
    if (kind === 7) parts.splice(1 + Math.floor(random() * (parts.length - 1)), 0, pick(accentedSyllables));
    const word = parts.join('');
    if (seen.has(folded(word))) continue;
    seen.add(folded(word));
    words.push(word);
  }
  return words;
}

/// Draws word indexes with probability proportional to 1/(rank+1) in constant time (Vose's alias method).
function zipfSampler(size: number, random: () => number): () => number {
  const weights = Float64Array.from({ length: size }, (_, rank) => 1 / (rank + 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const scaled = weights.map((weight) => (weight * size) / total);
  const chance = new Float64Array(size);
  const alias = new Uint32Array(size);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((weight, index) => (weight < 1 ? small : large).push(index));
  while (small.length > 0 && large.length > 0) {
    const less = small.pop()!;
    const more = large.pop()!;
    chance[less] = scaled[less]!;
    alias[less] = more;
    scaled[more] = scaled[more]! + scaled[less]! - 1;
    (scaled[more]! < 1 ? small : large).push(more);
  }
  for (const index of [...small, ...large]) chance[index] = 1;
  return () => {
    const index = Math.floor(random() * size);
    return random() < chance[index]! ? index : alias[index]!;
  };
}

/// Makes `count` press releases of about `words` words each and hands each to `take` as it is
/// made (so 100,000 of them never sit in memory together); the same seed gives the same ones.
export function generateSearchCorpus(count: number, take: (document: CorpusDocument) => void, seed = 20240611, words = 400): SearchCorpus {
  const random = seededRandom(seed);
  const vocabularyWords = vocabulary(random);
  const capitalized = vocabularyWords.map((word) => word[0]!.toUpperCase() + word.slice(1));
  const draw = zipfSampler(vocabularyWords.length, random);
  const documentFrequency = new Uint32Array(vocabularyWords.length);
  const lastDocument = new Uint32Array(vocabularyWords.length);
  const use = (index: number, document: number) => {
    if (lastDocument[index] !== document) {
      lastDocument[index] = document;
      documentFrequency[index]!++;
    }
    return index;
  };
  const sentence = (document: number, length: number): string => {
    const parts = [capitalized[use(draw(), document)]!];
    for (let k = 1; k < length; k++) parts.push(vocabularyWords[use(draw(), document)]! + (k % 9 === 8 ? ',' : ''));
    return `${parts.join(' ')}.`;
  };

  for (let document = 1; document <= count; document++) {
    // Titles skip the dozen function words at the top, as real headlines mostly do.
    const titleWords: string[] = [];
    const titleLength = 6 + Math.floor(random() * 7);
    while (titleWords.length < titleLength) {
      const index = draw();
      if (index >= 12) titleWords.push((titleWords.length === 0 ? capitalized : vocabularyWords)[use(index, document)]!);
    }
    const year = 2015 + Math.floor(random() * 11);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const published = `${year}-${month}-${day}`;
    const paragraphs: string[] = [];
    const target = words * (0.9 + random() * 0.2);
    for (let written = 0; written < target;) {
      const sentences: string[] = [];
      for (let s = 2 + Math.floor(random() * 4); s > 0 && written < target; s--) {
        const length = 8 + Math.floor(random() * 17);
        sentences.push(sentence(document, length));
        written += length;
      }
      paragraphs.push(sentences.join(' '));
    }
    take({ title: titleWords.join(' '), source: sources[Math.floor(random() * sources.length)]!, published, paragraphs });
  }
  return { words: vocabularyWords, documentFrequency };
}
