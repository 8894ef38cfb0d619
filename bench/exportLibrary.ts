/// The generated library the export benchmarks read: 2,000 press releases of about 4 KB
/// (pressReleases.ts, with Russian sentences, emoji in titles and paragraphs, so that the
/// export's code-point offsets differ from the stored UTF-16 ones) and 100,000 highlights on
/// their paragraphs, each with its quote and context as the app stores them (common/quote.ts),
/// one to three tags from a codebook of 50 (ten themes of four sub-tags) and, for one in five,
/// a note. The rows go in through prepared INSERTs in one transaction, the first time a scenario
/// asks for the library; it is removed when the process ends. The same seed gives the same library.
import { statSync } from 'node:fs';
import { describeQuote } from '../common/quote.ts';
import { BLOCK_SEPARATOR } from '../common/text.ts';
import { dateInLine } from '../core/import/publicationDate.ts';
import type { Library } from '../core/library.ts';
import { contentHash } from '../core/store/documents.ts';
import { progress } from './importMeasurement.ts';
import { temporaryLibrary } from './temporaryLibrary.ts';
import { generatePressReleases, seededRandom } from './pressReleases.ts';

const DOCUMENTS = 2_000;
// Every one tagged and placed, so every one is exported.
const HIGHLIGHTS = 100_000;

const SEED = 20250314;
const RELEASE_BYTES = 3_600;
// Dates are fixed, not the clock's, so two runs export the same library.
const IMPORTED_AT = '2025-03-14T09:00:00.000Z';
const HIGHLIGHTED_FROM = Date.UTC(2025, 2, 14, 10);

const themes = ['Sovereignty', 'Norms of behaviour', 'Cooperation', 'Threats', 'Institutions', 'International law', 'Capacity-building', 'Critical infrastructure', 'Electronic evidence', 'Rhetoric'];
// A comma and a quote make CSV quote the field; the Russian one is one more script in the file.
const aspects = ['claim', 'critique, rebuttal', 'proposal "for the record"', 'цитата'];
const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const sources = ['Ministry of Foreign Affairs', 'Security Council', 'МИД России', 'National Cyber Agency', 'Office of the President, Press Service'];
const russianSentences = [
  'Стороны подтвердили приверженность принципам международного права.',
  '«Мы выступаем за равноправное сотрудничество», — заявил глава делегации.',
  'Министр подчеркнул важность защиты критической информационной инфраструктуры.',
  'Было отмечено, что переговоры прошли в конструктивной атмосфере.',
];
// Astral characters (two UTF-16 units each), a flag, a ZWJ sequence and a variation selector.
const emoji = ['🤝', '🌐', '🔒', '📄', '🇺🇳', '👩‍💻', '🛰️'];
const notes = [
  'Compare with the statement of the previous round.',
  'Key line, quote it in the brief.',
  'Wording differs from the 2019 text: "information security" replaces "cybersecurity".',
  'Проверить перевод, в оригинале иначе.',
  'Same claim, different venue 🔁',
];

/// The library both export scenarios read.
export interface ExportLibrary {
  library: Library;
  /// Highlights it holds (HIGHLIGHTS), each one row of an export.
  highlights: number;
}

/// A generated document before it is inserted: its blocks are the title, the date line, the
/// paragraphs (which get the highlights) and a reference line.
interface GeneratedDocument {
  title: string;
  source: string;
  url: string | null;
  published: string | null;
  blocks: string[];
}

let shared: ExportLibrary | undefined;

/// The generated library, built the first time any scenario (`id`, for messages) asks for it.
export function exportLibrary(id: string): ExportLibrary {
  shared ??= buildLibrary(id);
  return shared;
}

function buildLibrary(id: string): ExportLibrary {
  const library = temporaryLibrary('excerpt-bench-export-');
  progress(id, `building a library of ${DOCUMENTS.toLocaleString('en')} press releases and ${HIGHLIGHTS.toLocaleString('en')} tagged highlights`);
  const started = performance.now();
  const random = seededRandom(SEED);
  const documents = generatePressReleases(DOCUMENTS, SEED, RELEASE_BYTES).map((release, i) => enrich(release.content, i, random));
  const paragraphs = documents.reduce((sum, document) => sum + document.blocks.length - 3, 0);

  const { db } = library;
  const insertDocument = db.prepare<[string, string, string | null, string | null, string, string, string, string]>(`
    INSERT INTO documents (title, source, source_url, published_at, imported_at, content_hash, doc_json, text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTag = db.prepare<[string, number | null, string, number]>('INSERT INTO tags (name, parent_id, color, position) VALUES (?, ?, ?, ?)');
  const insertAnnotation = db.prepare<[number, number, number, string, string, string, string, string, string]>(`
    INSERT INTO annotations (document_id, "start", "end", exact, prefix, suffix, note, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLink = db.prepare<[number, number]>('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');

  let characters = 0;
  let links = 0;
  db.transaction(() => {
    const tagIds: number[] = [];
    themes.forEach((theme, t) => {
      const parent = Number(insertTag.run(theme, null, colors[t]!, t).lastInsertRowid);
      tagIds.push(parent);
      aspects.forEach((aspect, a) => tagIds.push(Number(insertTag.run(aspect, parent, colors[t]!, a).lastInsertRowid)));
    });
    let paragraph = 0;
    let made = 0;
    for (const document of documents) {
      const text = document.blocks.join(BLOCK_SEPARATOR);
      characters += text.length;
      const docJson = JSON.stringify({ type: 'doc', content: document.blocks.map((block) => ({ type: 'paragraph', content: [{ type: 'text', text: block }] })) });
      const documentId = Number(insertDocument.run(document.title, document.source, document.url, document.published, IMPORTED_AT, contentHash(text), docJson, text).lastInsertRowid);
      let offset = 0;
      document.blocks.forEach((block, b) => {
        if (b >= 2 && b < document.blocks.length - 1) {
          // Spread HIGHLIGHTS evenly over every paragraph of the library, so the total is exact.
          const count = Math.floor(((paragraph + 1) * HIGHLIGHTS) / paragraphs) - Math.floor((paragraph * HIGHLIGHTS) / paragraphs);
          paragraph++;
          for (const range of highlightRanges(block, count, random)) {
            const start = offset + range.start;
            const end = offset + range.end;
            const { exact, prefix, suffix } = describeQuote(text, start, end);
            const created = new Date(HIGHLIGHTED_FROM + made * 30_000).toISOString();
            const updated = random() < 0.2 ? new Date(HIGHLIGHTED_FROM + made * 30_000 + 86_400_000).toISOString() : created;
            const note = random() < 0.2 ? notes[Math.floor(random() * notes.length)]! : '';
            const annotationId = Number(insertAnnotation.run(documentId, start, end, exact, prefix, suffix, note, created, updated).lastInsertRowid);
            for (const tagId of pickTags(tagIds, random)) insertLink.run(annotationId, tagId);
            made++;
          }
        }
        offset += block.length + BLOCK_SEPARATOR.length;
      });
    }
    links = db.prepare<[], number>('SELECT count(*) FROM annotation_tags').pluck().get()!;
    if (made !== HIGHLIGHTS) throw new Error(`${id}: the generator made ${made} highlights, not ${HIGHLIGHTS}.`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  progress(id, `built the library in ${((performance.now() - started) / 1000).toFixed(1)} s: ${paragraphs.toLocaleString('en')} paragraphs, ` +
    `${(characters / 1e6).toFixed(1)} M characters of text, ${links.toLocaleString('en')} tag links, ${(statSync(library.db.name).size / 1e6).toFixed(0)} MB on disk`);
  return { library, highlights: HIGHLIGHTS };
}

/// A generated release as the library would hold it: some titles and paragraphs given an
/// emoji or a Russian sentence, a source, and for two documents in three a web address
/// (one of them with a Cyrillic host and path, which a W3C export must encode).
function enrich(content: string, index: number, random: () => number): GeneratedDocument {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const [title, date, ...rest] = content.trimEnd().split(BLOCK_SEPARATOR);
  // The last block is the "Reference:" line, which nobody highlights.
  const paragraphs = rest.slice(0, -1).map((paragraph) => {
    let enriched = paragraph;
    if (random() < 0.35) enriched = enriched.replace('. ', `. ${pick(emoji)} `);
    if (random() < 0.35) enriched = `${enriched} ${pick(russianSentences)}`;
    return enriched;
  });
  const blocks = [random() < 0.3 ? `${pick(emoji)} ${title!}` : title!, date!, ...paragraphs, rest.at(-1)!];
  const url = index % 3 === 0 ? null : index % 3 === 1 ? `https://press.example.org/releases/${index}` : `https://мид.example/пресс-релизы/${index}?lang=ru`;
  return {
    title: blocks[0]!,
    source: pick(sources),
    url,
    published: dateInLine(date!),
    blocks,
  };
}

/// `count` highlights on a paragraph (offsets into it), in reading order, not overlapping:
/// the paragraph's words are cut into `count` runs and each highlight is a random run of
/// whole words within its own, so none starts or ends inside a word or a surrogate pair.
function highlightRanges(paragraph: string, count: number, random: () => number): { start: number; end: number }[] {
  const words = [...paragraph.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  if (words.length < count) throw new Error(`bench: a paragraph of ${words.length} words cannot hold ${count} highlights.`);
  return Array.from({ length: count }, (_, k) => {
    const from = Math.floor((k * words.length) / count);
    const to = Math.floor(((k + 1) * words.length) / count);
    const first = from + Math.floor(random() * (to - from));
    const last = first + Math.floor(random() * (to - first));
    return { start: words[first]!.start, end: words[last]!.end };
  });
}

/// One to three different tags of the codebook.
function pickTags(tagIds: readonly number[], random: () => number): Set<number> {
  const count = 1 + Math.floor(random() * 3);
  const picked = new Set<number>();
  while (picked.size < count) picked.add(tagIds[Math.floor(random() * tagIds.length)]!);
  return picked;
}
