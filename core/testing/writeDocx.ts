/// For tests and benchmarks: a press release written as a Word file with the `docx` package
/// (a heading, a date line, paragraphs), the way an analyst receives one.
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';

/// What the Word file says.
export interface DocxRelease {
  /// The Title core property, if any.
  property?: string;
  heading: string;
  date: string;
  paragraphs: readonly string[];
}

/// The bytes of a .docx holding `release`.
export async function writeDocx(release: DocxRelease): Promise<Uint8Array> {
  const document = new Document({
    ...(release.property === undefined ? {} : { title: release.property }),
    sections: [{
      children: [
        new Paragraph({ text: release.heading, heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: release.date }),
        ...release.paragraphs.map((text) => new Paragraph({ text })),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
