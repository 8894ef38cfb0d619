/// Markdown import through markdown-it (CommonMark, raw HTML kept as literal text), mapped
/// into the app's schema: headings, paragraphs, lists, blockquotes, emphasis, strong and
/// links with web or mail addresses. Code becomes plain paragraphs; images and rules are
/// dropped. The title is the first heading near the top, else the first line.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { Fragment, type Attrs, type Mark, type Node, type NodeType } from 'prosemirror-model';
import { isSafeHref, schema } from '../../common/schema.ts';
import { decodeText } from './decodeText.ts';
import { titleFrom, unreadable, type ImportedDocument } from './importedDocument.ts';
import { DATE_LINE_WINDOW, findPublicationDate } from './publicationDate.ts';

const markdown = new MarkdownIt('commonmark', { html: false });

/// markdown-it block token names (without _open/_close) and the node each becomes.
const containers: Record<string, NodeType> = {
  paragraph: schema.nodes.paragraph!,
  heading: schema.nodes.heading!,
  blockquote: schema.nodes.blockquote!,
  bullet_list: schema.nodes.bullet_list!,
  ordered_list: schema.nodes.ordered_list!,
  list_item: schema.nodes.list_item!,
};

interface Open {
  type: NodeType;
  attrs: Attrs | null;
  children: Node[];
}

/// The document in a .md file.
export function readMarkdown(bytes: Uint8Array): ImportedDocument {
  const stack: Open[] = [{ type: schema.nodes.doc!, attrs: null, children: [] }];
  const top = () => stack[stack.length - 1]!;
  for (const token of markdown.parse(decodeText(bytes), {})) {
    const type = containers[token.type.replace(/_(open|close)$/, '')];
    if (type && token.nesting === 1) {
      stack.push({ type, attrs: attrsOf(token), children: [] });
    } else if (type && token.nesting === -1) {
      const open = stack.pop()!;
      top().children.push(...build(open));
    } else if (token.type === 'inline') {
      top().children.push(...inlineNodes(token.children ?? []));
    } else if (token.type === 'code_block' || token.type === 'fence') {
      top().children.push(schema.node('paragraph', null, linesWithBreaks(token.content.replace(/\n$/, ''))));
    }
  }
  const blocks = stack[0]!.children;
  const doc = blocks.length > 0 ? schema.node('doc', null, blocks) : null;
  if (!doc || !/\S/.test(doc.textContent)) throw unreadable('it holds no text once its Markdown is read (only markup, images or rules).');

  const texts: { text: string; heading: boolean }[] = [];
  doc.descendants((node) => {
    if (node.isTextblock) texts.push({ text: node.textContent, heading: node.type === schema.nodes.heading });
    return !node.isTextblock;
  });
  const top5 = texts.filter((block) => /\S/.test(block.text)).slice(0, DATE_LINE_WINDOW);
  const heading = top5.find((block) => block.heading);
  return {
    title: titleFrom(heading?.text ?? top5[0]!.text.split('\n').find((line) => /\S/.test(line))!),
    published: findPublicationDate(top5.map((block) => block.text)),
    doc,
  };
}

function attrsOf(token: Token): Attrs | null {
  if (token.type === 'heading_open') return { level: Number(token.tag.slice(1)) };
  if (token.type === 'ordered_list_open') return { order: Number(token.attrGet('start') ?? 1) || 1 };
  return null;
}

/// The node for a closed container; content the schema would refuse (a list item that
/// starts with a heading, an empty quote) is completed, or its children move up a level.
function build(open: Open): Node[] {
  const content = Fragment.from(open.children);
  if (open.type.validContent(content)) return [open.type.create(open.attrs, content)];
  const fill = open.type.contentMatch.fillBefore(content, true);
  return fill ? [open.type.create(open.attrs, fill.append(content))] : open.children;
}

function inlineNodes(tokens: Token[]): Node[] {
  const nodes: Node[] = [];
  let marks: readonly Mark[] = [];
  const links: (Mark | null)[] = [];
  const text = (value: string) => {
    if (value) nodes.push(schema.text(value, marks));
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        text(token.content);
        break;
      case 'softbreak':
        text(' ');
        break;
      case 'hardbreak':
        nodes.push(schema.node('hard_break'));
        break;
      case 'em_open':
      case 'strong_open':
        marks = schema.marks[token.type === 'em_open' ? 'em' : 'strong']!.create().addToSet(marks);
        break;
      case 'em_close':
      case 'strong_close':
        marks = schema.marks[token.type === 'em_close' ? 'em' : 'strong']!.removeFromSet(marks);
        break;
      case 'link_open': {
        const href = String(token.attrGet('href') ?? '');
        const link = isSafeHref(href) ? schema.marks.link!.create({ href }) : null;
        if (link) marks = link.addToSet(marks);
        links.push(link);
        break;
      }
      case 'link_close': {
        const link = links.pop();
        if (link) marks = link.removeFromSet(marks);
        break;
      }
      // images are decoration, not statements: their alt text is not part of the document
    }
  }
  return nodes;
}

function linesWithBreaks(text: string): Node[] {
  return text.split('\n').flatMap((line, i) => [
    ...(i > 0 ? [schema.node('hard_break')] : []),
    ...(line ? [schema.text(line)] : []),
  ]);
}
