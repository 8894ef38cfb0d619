/// Turns markup into an inert DOM tree to read. parse5 reads the markup by the HTML
/// standard's algorithm (tag soup nests the way a browser nests it) and writes it back as a
/// well-formed page; linkedom builds the DOM that Readability and ProseMirror's parser walk.
/// linkedom has no script engine and no resource loader, so nothing in a file can run or
/// fetch; and it is several times faster than jsdom on press-release pages (bench import.html).
import { DOMParser } from 'linkedom';
import { parse, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { unreadable } from './importedDocument.ts';
import { describeCount, MAX_HTML_DEPTH } from './limits.ts';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/// Elements whose content is not ordinary markup (raw text, foreign content, template
/// contents): linkedom's parser (htmlparser2) does not read them as the standard does, so
/// they are removed before the hand-over, and no reading of them can differ between the two.
/// None holds text a reader sees as part of the article.
const unlike = new Set([
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'iframe', 'textarea',
  'svg', 'math', 'select',
]);

const domParser = new DOMParser();

/// The document `html` describes, with <html>, <head> and <body> always present, and without
/// scripts, styles, templates, frames, SVG and MathML. JSON-LD metadata stays, its text
/// escaped so that no parser can read markup into it.
export function parseHtml(html: string): Document {
  // Scripting on, as in a browser: <noscript> content is raw text (and then removed).
  const page = parse(html, { scriptingEnabled: true });
  checkDepth(page);
  removeUnlike(page);
  // linkedom's own parser, given a fragment, makes its first element the document element;
  // the serialised page is complete, and free of everything the two parsers read differently.
  return domParser.parseFromString(serialize(page), 'text/html') as unknown as Document;
}

/// Refuses a page nested deeper than MAX_HTML_DEPTH, measured without recursion: every reader
/// after parse5's (the serializer, linkedom, Readability, ProseMirror) walks the tree recursively.
function checkDepth(page: ParentNode): void {
  const open: [ParentNode, number][] = [[page, 0]];
  for (let next = open.pop(); next; next = open.pop()) {
    const [parent, depth] = next;
    if (depth > MAX_HTML_DEPTH) {
      throw unreadable(`its markup nests more than ${describeCount(MAX_HTML_DEPTH)} elements deep, deeper than a browser reads; it is damaged or made to stall ` +
        'programs that read it. Open it in a browser, copy its text into a new document, and import that.');
    }
    for (const child of parent.childNodes) if ('childNodes' in child) open.push([child, depth + 1]);
  }
}

function removeUnlike(parent: ParentNode): void {
  parent.childNodes = parent.childNodes.filter((child) => !isUnlike(child));
  for (const child of parent.childNodes) {
    if ('childNodes' in child) removeUnlike(child);
  }
}

function isUnlike(node: ChildNode): boolean {
  if (!('tagName' in node) || !unlike.has(node.tagName)) return false;
  if (node.tagName !== 'script' || !node.attrs.some((attr) => attr.name === 'type' && /^\s*application\/ld\+json\s*$/i.test(attr.value))) return true;
  // JSON-LD is kept for its metadata; "<" written as the JSON escape \u003c can end nothing.
  for (const text of node.childNodes) {
    if ('value' in text) text.value = text.value.replace(/</g, '\\u003c');
  }
  return false;
}
