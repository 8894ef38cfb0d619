/// HTML to a library document. The markup is parsed into an inert DOM, stripped of active
/// and hidden content, and read by ProseMirror's DOMParser for the app's schema, which keeps
/// only headings, paragraphs, lists, block quotes, emphasis, strong and web or mail links.
/// Nothing of the markup survives as markup: the result is schema nodes and plain text.
/// Used by the HTML and mail importers, and by DOCX import (mammoth writes HTML).
import { DOMParser, type Node } from 'prosemirror-model';
import { isSafeHref, schema } from '../../common/schema.ts';
import { removeActiveContent } from './activeContent.ts';
import { parseHtml } from './htmlDom.ts';
import { unreadable } from './importedDocument.ts';
import { tidyDoc } from './tidyDoc.ts';

/// How to read a piece of HTML.
export interface HtmlToDocOptions {
  /// The page's own address (http or https); relative links are resolved against it.
  /// Without it, relative links lose their address and keep their text.
  baseUrl?: string;
}

const parser = DOMParser.fromSchema(schema);
// Elements ProseMirror's parser does not know as blocks: their texts would run together
// with their neighbours'. The schema has no tables, so each cell becomes a block of its own.
const blockElements = new Set(['td', 'th', 'caption', 'details', 'summary', 'dt', 'legend', 'center']);

/// The document an HTML page or fragment describes, in the app's schema, with whitespace
/// collapsed and empty blocks dropped. Throws an ExcerptError ('unsupported') when no text
/// remains, e.g. a page of images and scripts only.
export function htmlToDoc(html: string, options: HtmlToDocOptions = {}): Node {
  return elementToDoc(parseHtml(html).body, options);
}

/// The same for an element of a parsed page (the article Readability found); `root` is
/// changed in place while it is read.
export function elementToDoc(root: Element, options: HtmlToDocOptions = {}): Node {
  removeActiveContent(root);
  const base = options.baseUrl && isSafeHref(options.baseUrl) ? options.baseUrl : undefined;
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const name = element.localName.toLowerCase();
    if (name === 'a') keepSafeLink(element, base);
    else if (blockElements.has(name)) renameToDiv(element);
  }
  const doc = tidyDoc(parser.parse(root));
  if (!doc) throw unreadable('it holds no text once its markup is read (only images, scripts, styles or empty elements).');
  return doc;
}

/// Resolves a link against the page address and removes its address if it is not http(s)
/// or mailto afterwards, so the schema keeps the link's text and nothing else.
function keepSafeLink(link: Element, base: string | undefined): void {
  const raw = link.getAttribute('href');
  if (raw === null) return;
  const href = absolute(raw, base);
  if (href && isSafeHref(href)) link.setAttribute('href', href);
  else link.removeAttribute('href');
}

function absolute(href: string, base: string | undefined): string | null {
  // Without a base only an address with a scheme can be absolute (and a failed parse costs).
  if (!base && !/^\s*[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

// A div is a block to the parser, and carries nothing but its content.
function renameToDiv(element: Element): void {
  const div = element.ownerDocument.createElement('div');
  div.append(...Array.from(element.childNodes));
  element.replaceWith(div);
}
