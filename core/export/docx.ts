/// The brief as a Word document, for analysts who send findings on as a .docx: the title as
/// Heading 1, a Heading 2 per tag and a Heading 3 per document, each excerpt in Word's
/// "Quote" style with its citation and note under it. Styles, not direct formatting, so a
/// reader can restyle the whole brief in Word, and its navigation pane lists tags and documents.
import { Document, HeadingLevel, Packer, Paragraph, TextRun, type IParagraphStyleOptions, type IRunOptions } from 'docx';
import { briefOf, briefSummary, BRIEF_TITLE, citation, documentHeading, paragraphsOf, type BriefDocument } from './brief.ts';
import type { Excerpt, ExportSnapshot } from './excerpts.ts';
import { xmlCharacters } from './xmlCharacters.ts';

// The paragraph styles the brief adds to Word's: a quote (Word's own "Quote" name, so a
// house template's quote style takes over), the citation under it and a note.
const STYLES = { quote: 'Quote', citation: 'Citation', note: 'Note' } as const;

// Half an inch, in twentieths of a point: how far quotes and their citations stand in.
const INDENT = 720;

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: STYLES.quote, name: STYLES.quote, basedOn: 'Normal', next: 'Normal', quickFormat: true,
    run: { italics: true, color: '404040' },
    paragraph: { indent: { left: INDENT, right: INDENT }, spacing: { before: 120, after: 60 } },
  },
  {
    id: STYLES.citation, name: STYLES.citation, basedOn: 'Normal', next: 'Normal', quickFormat: true,
    run: { size: 18, color: '595959' },
    paragraph: { indent: { left: INDENT }, spacing: { after: 120 } },
  },
  {
    id: STYLES.note, name: STYLES.note, basedOn: 'Normal', next: 'Normal', quickFormat: true,
    paragraph: { indent: { left: INDENT }, spacing: { after: 200 } },
  },
];

/// The bytes of the .docx file; `exportedAt` is shown as given.
export async function snapshotToDocx(snapshot: ExportSnapshot, exportedAt: string): Promise<Uint8Array> {
  const brief = briefOf(snapshot);
  const document = new Document({
    title: BRIEF_TITLE,
    creator: 'Excerpt',
    styles: { paragraphStyles },
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(BRIEF_TITLE)] }),
        new Paragraph({ children: [run(briefSummary(brief, exportedAt), { color: '595959' })] }),
        ...brief.tags.flatMap(({ path, documents }) => [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(path)] }),
          ...documents.flatMap(documentParagraphs),
        ]),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function documentParagraphs({ document, excerpts }: BriefDocument): Paragraph[] {
  return [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [run(documentHeading(document))] }), ...excerpts.flatMap(excerptParagraphs)];
}

function excerptParagraphs(excerpt: Excerpt): Paragraph[] {
  return [
    ...paragraphsOf(excerpt.text).map((lines) => new Paragraph({ style: STYLES.quote, children: lineRuns(lines) })),
    new Paragraph({ style: STYLES.citation, children: [run(`— ${citation(excerpt)}`)] }),
    ...paragraphsOf(excerpt.note).map((lines, i) => new Paragraph({
      style: STYLES.note,
      children: [...(i === 0 ? [run('Note: ', { bold: true })] : []), ...lineRuns(lines)],
    })),
  ];
}

// Word ignores a line feed inside a run's text; a line of its own is a run that starts with a break.
function lineRuns(lines: readonly string[]): TextRun[] {
  return lines.map((line, i) => run(line, i === 0 ? {} : { break: 1 }));
}

// Every text of the brief reaches Word as a run made here, so none carries a character XML
// forbids (Word refuses such a file). Hence no paragraph is given a `text` of its own.
function run(text: string, options: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ ...options, text: xmlCharacters(text) });
}
