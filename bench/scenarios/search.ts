/// `search.rare`, `search.mid`, `search.frequent`: searching a library of 100,000 generated
/// press releases of about 400 words (searchCorpus.ts) for words of one frequency class:
/// rare ones (in 10 to 100 documents), mid-frequency ones (1,000 to 10,000) and frequent ones
/// (half the library or more). The library is built once per run, the first time one of the
/// three needs it, by inserting the rows in one transaction (the full-text triggers index
/// them); it is removed when the process ends.
///
/// Each scenario searches 20 words of its class the way the app does, through the service's
/// searchDocuments (the top 20 with their snippets), and the baseline runs the plainest
/// FTS5 query for the same word (`SELECT rowid ... MATCH ? ORDER BY rank LIMIT 20`), each word
/// RUNS times on both sides in alternating order. value and baseline are the 95th percentile
/// of those searches in ms; ratio = value / baseline. The target is the issue's: 25 ms.
/// A LIKE '%word%' scan of every text, which needs no index, is timed once per class and
/// reported on stderr for comparison.
import { statSync } from 'node:fs';
import { BLOCK_SEPARATOR } from '../../common/text.ts';
import type { Library } from '../../core/library.ts';
import { contentHash, documentStore } from '../../core/store/documents.ts';
import { progress } from '../importMeasurement.ts';
import { temporaryLibrary } from '../temporaryLibrary.ts';
import type { Measurement, Scenario } from '../scenario.ts';
import { generateSearchCorpus, type SearchCorpus } from '../searchCorpus.ts';
import { percentile } from '../statistics.ts';

const DOCUMENTS = 100_000;
const TERMS = 20;
const RUNS = 5;
const LIMIT = 20;

/// The generated library the three scenarios share.
interface SearchLibrary {
  library: Library;
  corpus: SearchCorpus;
}

let shared: SearchLibrary | undefined;

function searchLibrary(id: string): SearchLibrary {
  shared ??= buildLibrary(id);
  return shared;
}

function buildLibrary(id: string): SearchLibrary {
  const library = temporaryLibrary('excerpt-bench-search-');
  progress(id, `building a library of ${DOCUMENTS.toLocaleString('en')} generated press releases`);
  const started = performance.now();
  const documents = documentStore(library.db);
  const importedAt = new Date().toISOString();
  let characters = 0;
  const corpus = library.db.transaction(() => generateSearchCorpus(DOCUMENTS, ({ title, source, published, paragraphs }) => {
    const blocks = [title, published, ...paragraphs];
    const text = blocks.join(BLOCK_SEPARATOR);
    characters += text.length;
    const docJson = JSON.stringify({ type: 'doc', content: blocks.map((block) => ({ type: 'paragraph', content: [{ type: 'text', text: block }] })) });
    documents.add({ title, source, sourceUrl: null, published, language: null, importedAt, contentHash: contentHash(text), docJson, text });
  }))();
  library.db.pragma('wal_checkpoint(TRUNCATE)');
  const seconds = (performance.now() - started) / 1000;
  progress(id, `built the library in ${seconds.toFixed(1)} s: ${(characters / 1e6).toFixed(0)} M characters of text, ` +
    `${(statSync(library.db.name).size / 1e6).toFixed(0)} MB on disk`);
  return { library, corpus };
}

/// TERMS words held by `fewest` to `most` documents, spread evenly over that range of the vocabulary.
function wordsHeldBy(corpus: SearchCorpus, fewest: number, most: number): { word: string; documents: number }[] {
  const candidates = corpus.words
    .map((word, index) => ({ word, documents: corpus.documentFrequency[index]! }))
    .filter(({ documents }) => documents >= fewest && documents <= most);
  if (candidates.length < TERMS) throw new Error(`search: only ${candidates.length} words are in ${fewest} to ${most} documents.`);
  return Array.from({ length: TERMS }, (_, i) => candidates[Math.floor(((i + 0.5) * candidates.length) / TERMS)]!);
}

function searchScenario(id: string, fewest: number, most: number): Scenario {
  return {
    id,
    unit: 'ms',
    target: 'value<=25',
    async run(): Promise<Measurement> {
      const { library, corpus } = searchLibrary(id);
      const terms = wordsHeldBy(corpus, fewest, most);
      progress(id, `words: ${terms.map(({ word, documents }) => `${word} (${documents})`).join(', ')}`);
      const raw = library.db.prepare<[string], number>(`SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ${LIMIT}`).pluck();
      const flaws: string[] = [];
      const service: number[] = [];
      const baseline: number[] = [];

      const searchApp = async (word: string, documents: number) => {
        const started = performance.now();
        const hits = await library.service.searchDocuments({ query: word, limit: LIMIT });
        const elapsed = performance.now() - started;
        if (hits.length !== Math.min(LIMIT, documents)) flaws.push(`"${word}" gave ${hits.length} hits, not ${Math.min(LIMIT, documents)}`);
        else if (!hits.every((hit) => hit.snippet.some((part) => part.match))) flaws.push(`a snippet for "${word}" marks no word`);
        return elapsed;
      };
      const searchRaw = (word: string) => {
        const started = performance.now();
        raw.all(`"${word}"`);
        return performance.now() - started;
      };

      // One untimed round first, so neither side pays for reading the pages from disk.
      for (const { word, documents } of terms) {
        await searchApp(word, documents);
        searchRaw(word);
      }
      for (let run = 0; run < RUNS; run++) {
        for (const { word, documents } of terms) {
          if (run % 2 === 0) {
            service.push(await searchApp(word, documents));
            baseline.push(searchRaw(word));
          } else {
            baseline.push(searchRaw(word));
            service.push(await searchApp(word, documents));
          }
        }
      }
      for (const flaw of new Set(flaws)) progress(id, `wrong: ${flaw}`);

      // The plain-ASCII word in the fewest documents: LIKE folds only ASCII case, and a word
      // it finds late in few texts makes it read the most.
      const scanned = terms.filter(({ word }) => /^[a-z]+$/.test(word)).at(-1) ?? terms[0]!;
      const scanStarted = performance.now();
      const found = library.db.prepare<[string], number>('SELECT count(*) FROM documents WHERE text LIKE ?').pluck().get(`%${scanned.word}%`);
      progress(id, `LIKE '%${scanned.word}%' over every text: ${(performance.now() - scanStarted).toFixed(0)} ms, ` +
        `${String(found)} documents (the word is in ${scanned.documents}; LIKE also matches inside longer words)`);

      const value = percentile(service, 0.95);
      const rawP95 = percentile(baseline, 0.95);
      progress(id, `p95 over ${service.length} searches: app ${value.toFixed(1)} ms, raw FTS5 ${rawP95.toFixed(1)} ms`);
      return { value, baseline: rawP95, ratio: value / rawP95, ...(flaws.length > 0 && { flaw: flaws[0]! }) };
    },
  };
}

/// The three search scenarios that `npm run bench` runs.
export const scenarios: Scenario[] = [
  searchScenario('search.rare', 10, 100),
  searchScenario('search.mid', 1_000, 10_000),
  searchScenario('search.frequent', DOCUMENTS / 2, DOCUMENTS),
];
