/// Generated press releases for benchmarks: deterministic for a seed, varied in issuers,
/// titles, dates and wording, laid out like the samples (title, date line, paragraphs).

/// One generated file, as importFiles takes it before encoding.
export interface GeneratedRelease {
  name: string;
  content: string;
}

/// A small, fast, seeded generator of numbers in [0, 1) (mulberry32).
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = ['ar', 'na', 'vi', 'bel', 'mo', 'ra', 'cal', 'do', 'ze', 're', 'tes', 'sa', 'ly', 'or', 've', 'ta', 'kan', 'mir', 'lo', 'su', 'ga', 'den', 'tor', 'il', 'ma', 'ku', 'sen', 'dri', 'pol', 'vak'];
const endings = ['ia', 'a', 'istan', 'land', 'or', 'ene', 'avia'];
const forms = ['the Republic of', 'the Federal Republic of', 'the Kingdom of', 'the United Republic of', 'the Democratic Republic of', 'the Grand Duchy of'];
const bodies = ['Ministry of Foreign Affairs', 'Security Council', 'Ministry of Digital Development', 'Office of the President', 'Ministry of Communications', 'National Cyber Agency'];
const topics = [
  'international information security', 'Internet governance', 'a convention on countering information crime',
  'digital sovereignty', 'the role of the International Telecommunication Union', 'confidence-building measures in the use of ICTs',
  'the protection of critical information infrastructure', 'cross-border data flows', 'the Open-ended Working Group',
  'norms of responsible behaviour of States', 'the military use of information technologies', 'capacity-building for developing countries',
  'the exchange of electronic evidence', 'the national segment of the Internet', 'points of contact for computer incidents',
];
const formats = ['the United Nations', 'the Shanghai Cooperation Organisation', 'the Commonwealth of Independent States', 'BRICS', 'the Ad Hoc Committee', 'regional formats', 'bilateral consultations'];
const titleVerbs = ['agree to coordinate on', 'hold consultations on', 'sign a memorandum on', 'issue a joint statement on', 'discuss', 'reaffirm their commitment to'];
const subjects = ['The Parties', 'The ministers', 'The delegations', 'The heads of state', 'The Ministry', 'The Council', 'Both sides', 'The experts', 'The working group'];
const verbs = ['reaffirmed', 'stressed', 'noted', 'welcomed', 'expressed concern over', 'called for', 'agreed on', 'discussed', 'supported', 'underlined', 'reviewed', 'recalled'];
const qualifiers = ['the importance of', 'progress on', 'the need for', 'further work on', 'a common approach to', 'the practical aspects of', 'new proposals on', 'the principles of'];
const tails = [
  'under the auspices of the United Nations', 'in accordance with international law', 'on an equal footing', 'without interference in internal affairs',
  'with the participation of experts', 'in the coming months', 'as a matter of priority', 'within their respective competences',
  'taking into account the interests of all States', 'for peaceful purposes only', 'at the next session', 'in a constructive atmosphere',
];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/// `count` press releases of about `bytes` bytes each; the same seed gives the same files.
export function generatePressReleases(count: number, seed = 20211119, bytes = 3000): GeneratedRelease[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
  const place = () => capital(Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join('')) + pick(endings);
  const city = () => capital(Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join(''));
  const sentence = (a: string, b: string): string => {
    switch (Math.floor(random() * 5)) {
      case 0: return `${pick(subjects)} ${pick(verbs)} ${pick(qualifiers)} ${pick(topics)} ${pick(tails)}.`;
      case 1: return `${a} and ${b} ${pick(verbs)} ${pick(topics)} within ${pick(formats)}, ${pick(tails)}.`;
      case 2: return `The ${pick(ordinals)} round of talks in ${city()} brought together ${10 + Math.floor(random() * 190)} delegates to discuss ${pick(topics)}.`;
      case 3: return `"We ${pick(verbs)} ${pick(qualifiers)} ${pick(topics)}," said the head of the delegation of ${a}, adding that ${pick(formats)} remains the main venue.`;
      default: return `${pick(subjects)} will report on ${pick(topics)} to ${pick(formats)} by ${pick(months)} ${2015 + Math.floor(random() * 11)}.`;
    }
  };

  const releases: GeneratedRelease[] = [];
  for (let i = 1; i <= count; i++) {
    const a = `${pick(forms)} ${place()}`;
    const b = `${pick(forms)} ${place()}`;
    const title = random() < 0.5
      ? `${capital(a.replace(/^the /, ''))} and ${b.replace(/^the /, '')} ${pick(titleVerbs)} ${pick(topics)}`
      : `${pick(bodies)} of ${a.replace(/^the /, '')} on ${pick(topics)} and ${pick(formats)}`;
    const year = 2015 + Math.floor(random() * 10);
    const month = Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const date = random() < 0.5 ? `${day} ${months[month]} ${year}` : `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const paragraphs: string[] = [];
    let length = title.length + date.length;
    const target = bytes * (0.9 + random() * 0.2);
    while (length < target) {
      const paragraph = Array.from({ length: 2 + Math.floor(random() * 3) }, () => sentence(a, b)).join(' ');
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    // A reference line makes every release unique, so none is skipped as a duplicate.
    const content = `${title}\n\n${date}\n\n${paragraphs.join('\n\n')}\n\nReference: PR-${seed}-${i}\n`;
    releases.push({ name: `release-${String(i).padStart(5, '0')}.txt`, content });
  }
  return releases;
}
