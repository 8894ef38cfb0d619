/// Web page import (.html, .htm, .xhtml): the article, not the page around it. Readability
/// finds the article's content (menus, cookie banners, share buttons, related links and
/// footers go); when it finds nothing, the page's <main>, <article> or <body> stands in.
/// The page's own metadata gives title, date, site, canonical address and language; the
/// document starts with the title as a heading, then the article.
import { Readability } from '@mozilla/readability';
import type { Node } from 'prosemirror-model';
import { ExcerptError } from '../../common/errors.ts';
import { removeActiveContent } from './activeContent.ts';
import { decodeText } from './decodeText.ts';
import { leadingLines, withTitleHeading } from './documentStart.ts';
import { declaredCharset } from './htmlCharset.ts';
import { parseHtml } from './htmlDom.ts';
import { readHtmlMetadata } from './htmlMetadata.ts';
import { elementToDoc, type HtmlToDocOptions } from './htmlToDoc.ts';
import { titleFrom, type ImportedDocument } from './importedDocument.ts';
import { findPublicationDate } from './publicationDate.ts';

/// Page chrome dropped when the whole <body> has to stand in for the article.
const chrome = 'nav, aside, footer, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';
/// Pages with more elements than this are not searched for their article: Readability's
/// work grows faster than the page. Their <main>, <article> or <body> is read instead.
const MAX_SEARCHED_ELEMENTS = 30_000;
/// Pages whose title or a top heading is longer than this are not searched either.
const MAX_COMPARED_TITLE = 1000;

/// The document in a saved web page.
export function readHtml(bytes: Uint8Array): ImportedDocument {
  const html = decodeText(bytes, { declaredCharset: declaredCharset(bytes) });
  const page = parseHtml(html);
  const metadata = readHtmlMetadata(page);
  const options = { baseUrl: metadata.sourceUrl };
  removeActiveContent(page);
  const searched = page.querySelectorAll('*').length <= MAX_SEARCHED_ELEMENTS && !hasOverlongTitle(page);
  // Readability changes the page while it searches: a fallback after it reads a fresh copy.
  const body = (searched && articleDoc(page, options)) || pageDoc(searched ? parseHtml(html) : page, options);

  const lines = leadingLines(body);
  const title = metadata.title ?? lines[0]!;
  return {
    title: titleFrom(title),
    published: metadata.published ?? findPublicationDate(lines),
    source: metadata.source,
    sourceUrl: metadata.sourceUrl,
    language: metadata.language,
    doc: withTitleHeading(body, title),
  };
}

/// Whether the page's title or a top heading is longer than Readability can compare in time:
/// it compares the title word by word with every such heading (in time that grows with the
/// product of their lengths).
function hasOverlongTitle(page: Document): boolean {
  return Array.from(page.querySelectorAll('title, h1, h2')).some((element) => (element.textContent ?? '').length > MAX_COMPARED_TITLE);
}

/// The article Readability finds, or null when it finds none with text.
function articleDoc(page: Document, options: HtmlToDocOptions): Node | null {
  // keepClasses spares a pass over every element; metadata and JSON-LD were read before.
  const article = new Readability(page, { serializer: (element) => element as Element, keepClasses: true, disableJSONLD: true }).parse();
  if (!article?.content) return null;
  try {
    return elementToDoc(article.content, options);
  } catch (error) {
    if (error instanceof ExcerptError) return null;
    throw error;
  }
}

/// The page's main content when no article was found: <main>, else <article>, else the body
/// without its navigation, sidebars and footer.
function pageDoc(page: Document, options: HtmlToDocOptions): Node {
  page.querySelectorAll(chrome).forEach((element) => element.remove());
  return elementToDoc(page.querySelector('main') ?? page.querySelector('article') ?? page.body, options);
}
