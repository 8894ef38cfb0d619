/// For export tests: a small coded library as an export reads it. Two press releases (one
/// in Russian, with no date and no address), a codebook with a parent and a child tag, and
/// excerpts that exercise what the writers must get right: two tags on one excerpt, a quote
/// of two paragraphs, Markdown and HTML characters in a quote, a note, emoji.
import { BLOCK_SEPARATOR } from '../../common/text.ts';
import type { Tag } from '../../common/types.ts';
import type { Excerpt, ExportedDocument, ExportSnapshot } from '../export/excerpts.ts';

const tag = (id: number, name: string, parentId: number | null, position: number, over: Partial<Tag> = {}): Tag => ({
  id, name, parentId, position, color: '#3366cc', description: '', whenToUse: '', whenNotToUse: '', example: '', shortcut: null, ...over,
});

/// Parents before children, siblings by position, as readExportSnapshot orders them.
export const sampleCodebook: Tag[] = [
  tag(1, 'Security', null, 0, { color: '#aa3333', description: 'Statements about national or collective security.', shortcut: 's' }),
  tag(2, 'Cybercrime', 1, 0, {
    description: 'Crime committed through or against computer systems.',
    whenToUse: 'The statement names offences, investigations or cooperation between police forces.',
    whenNotToUse: 'General remarks about "the internet" with no crime in view.',
    example: 'Both agencies will share evidence on ransomware attacks.',
    shortcut: 'c',
  }),
  tag(3, 'Trade', null, 1, { color: '#33aa66', description: 'Tariffs, market access, data flows as commerce.' }),
];

const paragraphs = (...blocks: string[]) => blocks.join(BLOCK_SEPARATOR);

/// The documents, by id.
export const sampleDocuments: ExportedDocument[] = [
  {
    id: 11,
    title: 'Joint statement on trusted data flows',
    source: 'Ministry of Digital Affairs',
    published: '2021-11-19',
    url: 'https://example.org/press/2021/11/data-flows?lang=en&view=full',
    text: paragraphs(
      'Lisbon, 19 November 2021',
      'The ministers agreed that *trusted* data flows need <b>common</b> rules & safeguards.',
      'Security cooperation remains a priority for both governments.',
      'Both sides will set up a joint working group.',
      'Its first report is due in spring 2022.',
    ),
  },
  {
    id: 12,
    title: 'Заявление о сотрудничестве в сфере кибербезопасности',
    source: 'Пресс-служба',
    published: null,
    url: null,
    text: paragraphs(
      'Стороны договорились обмениваться сведениями об инцидентах 😊 в течение 24 часов.',
      'Следующая встреча пройдёт осенью.',
    ),
  },
];

/// The excerpt of `quote` in `document`, placed where the quote stands in its text.
function excerpt(id: number, document: ExportedDocument, quote: string, tags: readonly Tag[], note = ''): Excerpt {
  const at = document.text.indexOf(quote);
  if (at < 0) throw new Error(`the sample quote is not in document ${document.id}: ${quote}`);
  const codePoints = (text: string) => Array.from(text).length;
  const { text: _, ...described } = document;
  return {
    id,
    document: described,
    tags: tags.map((t) => t.name),
    tagIds: tags.map((t) => t.id),
    text: quote,
    start: codePoints(document.text.slice(0, at)),
    end: codePoints(document.text.slice(0, at + quote.length)),
    prefix: document.text.slice(Math.max(0, at - 32), at),
    suffix: document.text.slice(at + quote.length, at + quote.length + 32),
    note,
    paragraph: document.text.slice(0, at).split(BLOCK_SEPARATOR).length,
    created: `2026-02-0${id}T09:30:00.000Z`,
    modified: `2026-02-0${id}T10:15:00.000Z`,
  };
}

const [security, cybercrime, trade] = sampleCodebook as [Tag, Tag, Tag];
const [dataFlows, cooperation] = sampleDocuments as [ExportedDocument, ExportedDocument];

/// The samples' library (its UUID, as migration 0005 gives one).
export const SAMPLE_LIBRARY_ID = '5a3c0e2f-7b41-4d6e-9c2a-1f8e6d4b3a90';

/// A snapshot of the samples' library with nothing in it.
export function emptySnapshot(): ExportSnapshot {
  return { libraryId: SAMPLE_LIBRARY_ID, excerpts: [], codebook: [], documents: [] };
}

/// A fresh copy of the sample, in document then reading order.
export function sampleSnapshot(): ExportSnapshot {
  return {
    libraryId: SAMPLE_LIBRARY_ID,
    excerpts: [
      excerpt(1, dataFlows, 'The ministers agreed that *trusted* data flows need <b>common</b> rules & safeguards.', [trade, cybercrime], 'Compare with the 2019 wording: "rules" was "principles".'),
      excerpt(2, dataFlows, 'Security cooperation remains a priority for both governments.', [security]),
      excerpt(3, dataFlows, paragraphs('Both sides will set up a joint working group.', 'Its first report is due in spring 2022.'), [trade], 'Follow up\nin spring.'),
      excerpt(4, cooperation, 'Стороны договорились обмениваться сведениями об инцидентах 😊 в течение 24 часов.', [cybercrime], 'Срок — 24 часа.'),
    ],
    codebook: structuredClone(sampleCodebook),
    documents: structuredClone(sampleDocuments),
  };
}
