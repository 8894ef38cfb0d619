/// Tidies a document parsed from markup: one space between words (no-break spaces included),
/// no soft hyphens or zero-width spaces, no space at the edges of a block, no empty blocks.
/// What is left is what an analyst reads and quotes, so offsets count only real text.
import { Fragment, type Node } from 'prosemirror-model';
import { schema } from '../../common/schema.ts';

/// The tidied document, or null when nothing with text remains.
export function tidyDoc(doc: Node): Node | null {
  const tidied = tidyNode(doc);
  return tidied.length === 1 && tidied[0]!.type === schema.nodes.doc ? tidied[0]! : null;
}

/// The node tidied: none (it was empty), itself, or its children when it cannot stay.
function tidyNode(node: Node): Node[] {
  if (node.isTextblock) {
    const content = tidyInline(node);
    return content.length > 0 ? [node.type.create(node.attrs, content, node.marks)] : [];
  }
  const children = Fragment.from(node.children.flatMap(tidyNode));
  if (children.childCount === 0) return [];
  if (node.type.validContent(children)) return [node.copy(children)];
  // A list item whose paragraph was empty, or a quote left with a lone list: complete the
  // content the schema asks for, else let the children stand in the node's place.
  const fill = node.type.contentMatch.fillBefore(children, true);
  if (fill && node.type.validContent(fill.append(children))) return [node.copy(fill.append(children))];
  return node.type === schema.nodes.doc ? [] : children.content.slice();
}

/// The inline content of a text block with spaces collapsed and trimmed; empty when the
/// block holds no visible character.
function tidyInline(block: Node): Node[] {
  const inline: Node[] = [];
  let spaceBefore = true; // at the start of the block, and after a line break, a space is dropped
  block.forEach((child) => {
    if (!child.isText) {
      if (child.type === schema.nodes.hard_break && inline.length > 0) inline.push(child);
      spaceBefore = true;
      return;
    }
    let text = child.text!.replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ');
    if (spaceBefore) text = text.replace(/^ /, '');
    if (!text) return;
    inline.push(schema.text(text, child.marks));
    spaceBefore = text.endsWith(' ');
  });
  // Trailing line breaks and spaces are layout, not text.
  while (inline.length > 0) {
    const last = inline[inline.length - 1]!;
    if (!last.isText) {
      inline.pop();
      continue;
    }
    const text = last.text!.replace(/ $/, '');
    if (text) inline[inline.length - 1] = schema.text(text, last.marks);
    else inline.pop();
    if (text) break;
  }
  // A line break that ended up before a space-only gap still leaves real text around it.
  return inline.some((node) => node.isText && /\S/.test(node.text!)) ? inline : [];
}
