/// For the readers' tests: a second coded library to send through the exporters and read back,
/// with what offsets get wrong: emoji (😊) and mathematical letters (𝔘) before and inside
/// quotes, Cyrillic text, a quote over a paragraph break, quotes at the very start and end of a
/// text, a codebook three levels deep, and notes with line breaks and markup characters.
import { toCodePointOffset } from '../../common/codepoints.ts';
import { BLOCK_SEPARATOR } from '../../common/text.ts';
import type { Tag } from '../../common/types.ts';
import type { Excerpt, ExportedDocument, ExportSnapshot } from '../export/excerpts.ts';
import { SAMPLE_LIBRARY_ID } from './exportSample.ts';

const tag = (id: number, name: string, parentId: number | null, position: number, over: Partial<Tag> = {}): Tag => ({
  id, name, parentId, position, color: '#2255aa', description: '', whenToUse: '', whenNotToUse: '', example: '', shortcut: null, ...over,
});

/// Parents before children, siblings by position, as readExportSnapshot orders them.
export const roundTripCodebook: Tag[] = [
  tag(41, 'Экономика 😊', null, 0, { color: '#C04000', description: 'Рост, занятость & цены <в регионах>.' }),
  tag(42, 'Jobs "𝔘nion" deals', 41, 0, {
    description: 'Wages & collective agreements.',
    whenToUse: 'A number of jobs or a wage level.',
    whenNotToUse: 'Forecasts without a figure.',
    example: '«Создано 500 рабочих мест».',
  }),
  tag(43, 'Regions', 42, 0, { color: '#00aa55', whenNotToUse: 'The capital.' }),
  tag(44, 'Safety', null, 1, { color: 'not a colour' }),
];

const paragraphs = (...blocks: string[]) => blocks.join(BLOCK_SEPARATOR);

/// The documents, by id.
const roundTripDocuments: ExportedDocument[] = [
  {
    id: 21,
    title: 'Wages & <jobs>: the "𝔘nion" agreement',
    source: 'Ministry of Labour',
    published: '2025-12-01',
    url: 'https://example.org/labour/2025/agreement?lang=en&print=1',
    text: paragraphs(
      'Wages & <jobs>: the "𝔘nion" agreement',
      'The 😊 agreement raises wages by 𝔘 3 % in every region.',
      'Talks ended on Friday.',
      'Both sides will meet again in March 😊.',
    ),
  },
  {
    id: 22,
    title: 'Заявление пресс-службы',
    source: null,
    published: null,
    url: null,
    text: paragraphs('Правительство 😊 выделит средства регионам.', 'Подробности — на следующей неделе 𝔘.'),
  },
  {
    id: 23,
    title: 'A statement nobody highlighted',
    source: 'Council',
    published: '2026-01-05',
    url: null,
    text: 'Nothing here was coded.\r\nA Windows line end stays as it is.',
  },
];

/// How many code points of context the sample keeps on each side of a quote.
const CONTEXT = 32;

/// The excerpt of the first `quote` in `document`, counted as readExportSnapshot counts it.
function excerpt(id: number, document: ExportedDocument, quote: string, tagIds: number[], note = ''): Excerpt {
  const at = document.text.indexOf(quote);
  if (at < 0) throw new Error(`the sample quote is not in document ${document.id}: ${quote}`);
  const end = at + quote.length;
  const { text, ...described } = document;
  const names = new Map(roundTripCodebook.map((t) => [t.id, t.name]));
  return {
    id,
    document: described,
    tags: tagIds.map((t) => names.get(t)!),
    tagIds,
    text: quote,
    start: toCodePointOffset(text, at),
    end: toCodePointOffset(text, end),
    prefix: Array.from(text.slice(0, at)).slice(-CONTEXT).join(''),
    suffix: Array.from(text.slice(end)).slice(0, CONTEXT).join(''),
    note,
    paragraph: text.slice(0, at).split(BLOCK_SEPARATOR).length,
    created: `2026-03-0${id % 10}T08:00:00.000Z`,
    modified: `2026-03-0${id % 10}T09:00:00.000Z`,
  };
}

const [labour, regions] = roundTripDocuments as [ExportedDocument, ExportedDocument, ExportedDocument];

/// A fresh copy of the second sample, in document then reading order.
export function roundTripSnapshot(): ExportSnapshot {
  return {
    libraryId: SAMPLE_LIBRARY_ID,
    excerpts: [
      excerpt(51, labour, 'Wages & <jobs>', [42]),
      excerpt(52, labour, 'raises wages by 𝔘 3 % in every region', [43, 42, 41], 'Check "3 %" & the <table>\r\nagainst the 😊 budget.\n\nSecond paragraph.'),
      excerpt(53, labour, 'in every region.\n\nTalks ended on Friday', [44], '   '),
      excerpt(54, labour, 'meet again in March 😊.', [41]),
      excerpt(55, regions, 'Правительство 😊 выделит', [41, 43], 'Примечание 𝔘.'),
      excerpt(56, regions, 'на следующей неделе 𝔘.', [44]),
    ],
    codebook: structuredClone(roundTripCodebook),
    documents: structuredClone(roundTripDocuments),
  };
}
