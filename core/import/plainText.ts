/// Plain-text import. Paragraphs split on blank lines, and a single line break inside a
/// paragraph becomes a space. The first non-empty line is the title and a date line near the
/// top gives `published`; both stay in the body as blocks of their own (the title as a
/// heading unless it is too long to be one), so the body keeps every word of the file and
/// analysts can quote them.
import type { Node } from 'prosemirror-model';
import { schema } from '../../common/schema.ts';
import { decodeText } from './decodeText.ts';
import { TITLE_LENGTH, titleFrom, type ImportedDocument } from './importedDocument.ts';
import { findDateLine } from './publicationDate.ts';

/// The document in a .txt file.
export function readPlainText(bytes: Uint8Array): ImportedDocument {
  const lines = decodeText(bytes).split('\n');
  const titleIndex = lines.findIndex((line) => /\S/.test(line));
  const dateLine = findDateLine(lines);
  const blocks: Node[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push(schema.node('paragraph', null, schema.text(paragraph.join(' '))));
    paragraph = [];
  };
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim();
    if (!trimmed) {
      endParagraph();
    } else if (index === titleIndex) {
      blocks.push(schema.node(trimmed.length <= TITLE_LENGTH ? 'heading' : 'paragraph', null, schema.text(trimmed)));
    } else if (index === dateLine?.index) {
      endParagraph();
      blocks.push(schema.node('paragraph', null, schema.text(trimmed)));
    } else {
      paragraph.push(trimmed);
    }
  }
  endParagraph();

  return {
    title: titleFrom(lines[titleIndex]!),
    published: dateLine?.iso ?? null,
    doc: schema.node('doc', null, blocks),
  };
}
