/// The start of an imported document, as every importer shapes it: the title first, as a
/// heading (as the plain-text importer does), and the first few blocks, where a press
/// release states its date.
import type { Node } from 'prosemirror-model';
import { schema } from '../../common/schema.ts';
import { TITLE_LENGTH } from './importedDocument.ts';
import { DATE_LINE_WINDOW } from './publicationDate.ts';

/// `doc` starting with `title` as a heading; unchanged when its first block already says it,
/// or a heading among its first few blocks begins with it (below a kicker such as "For
/// immediate release"). A first paragraph that says the title becomes the heading.
export function withTitleHeading(doc: Node, title: string): Node {
  const first = doc.firstChild;
  if (!title || title.length > TITLE_LENGTH) return doc;
  if (first?.type === schema.nodes.paragraph && sameText(first.textContent, title)) {
    return doc.copy(doc.content.replaceChild(0, schema.node('heading', { level: 1 }, first.content)));
  }
  if ((first?.isTextblock && sameText(first.textContent, title)) || headingNearTopSays(doc, title)) return doc;
  return doc.copy(doc.content.addToStart(schema.node('heading', { level: 1 }, schema.text(title))));
}

function headingNearTopSays(doc: Node, title: string): boolean {
  const wanted = normal(title.replace(/…$/, ''));
  let seen = 0;
  let found = false;
  doc.descendants((node) => {
    if (found || seen >= DATE_LINE_WINDOW) return false;
    if (!node.isTextblock) return true;
    seen++;
    found = node.type === schema.nodes.heading && normal(node.textContent).startsWith(wanted);
    return false;
  });
  return found;
}

/// The texts of the first few text blocks that hold any text, line by line, for
/// findDateLine / findPublicationDate.
export function leadingLines(doc: Node): string[] {
  const lines: string[] = [];
  doc.descendants((node) => {
    if (lines.length >= DATE_LINE_WINDOW) return false;
    if (node.isTextblock) {
      lines.push(...node.textBetween(0, node.content.size, '\n', '\n').split('\n').filter((line) => /\S/.test(line)));
      return false;
    }
    return true;
  });
  return lines.slice(0, DATE_LINE_WINDOW);
}

function sameText(a: string, b: string): boolean {
  return normal(a) === normal(b);
}

function normal(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
