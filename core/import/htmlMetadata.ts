/// What a web page says about itself: title, publication date, site, canonical address and
/// language, read from its <head> (Open Graph, article:published_time, the canonical link),
/// its JSON-LD, and its markup (<h1>, <time datetime>, <html lang>). Read before anything
/// removes scripts or page chrome.
import { isSafeHref } from '../../common/schema.ts';
import { dateInLine } from './publicationDate.ts';

/// The page's own statements about itself; each is absent when the page does not make it.
export interface HtmlMetadata {
  /// Whitespace collapsed, not shortened.
  title?: string;
  published?: string;
  source?: string;
  sourceUrl?: string;
  language?: string;
}

/// Separators sites put between an article's title and their own name ("Title | Ministry").
const titleSeparator = /\s+(?:[|·•»]|::|[-–—])\s+/g;

/// The metadata `document` states; missing facts are left out.
export function readHtmlMetadata(document: Document): HtmlMetadata {
  const metas = metaContents(document);
  const meta = (...names: string[]) => names.map((name) => metas.get(name)).find((content) => content !== undefined);
  const jsonLd = readJsonLd(document);
  const canonical = Array.from(document.getElementsByTagName('link')).find((link) => /(^|\s)canonical(\s|$)/i.test(link.getAttribute('rel') ?? ''));
  const sourceUrl = [canonical?.getAttribute('href'), meta('og:url')].map(webAddress).find((href) => href !== undefined);
  const source = meta('og:site_name') ?? (sourceUrl ? new URL(sourceUrl).hostname.replace(/^www\./, '') : undefined);
  const h1 = inArticle(document, 'h1')?.textContent;
  const title = [meta('og:title', 'twitter:title'), stringOf(jsonLd.headline), h1, document.getElementsByTagName('title')[0]?.textContent]
    .map((text) => (text ? withoutSiteName(text, source) : ''))
    .find((text) => text !== '');
  const published = [
    meta('article:published_time', 'datepublished', 'og:published_time', 'date', 'dc.date.issued', 'dcterms.date'),
    stringOf(jsonLd.datePublished),
    inArticle(document, 'time', (time) => time.hasAttribute('datetime'))?.getAttribute('datetime'),
  ].map(isoDateOf).find((date) => date !== undefined);
  const lang = document.documentElement.getAttribute('lang')?.trim() || meta('og:locale')?.replace('_', '-');
  return { title, published, source, sourceUrl, language: languageTag(lang) };
}

/// Each <meta> by its property, name or itemprop (lower case), with its content; the first
/// of a name wins. One pass over the page rather than a query per name.
function metaContents(document: Document): Map<string, string> {
  const contents = new Map<string, string>();
  for (const element of Array.from(document.getElementsByTagName('meta'))) {
    const content = element.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !contents.has(key)) contents.set(key, content);
    }
  }
  return contents;
}

/// The first `tag` element inside an <article>, else inside <main>, else anywhere.
function inArticle(document: Document, tag: string, wanted: (element: Element) => boolean = () => true): Element | undefined {
  const elements = Array.from(document.getElementsByTagName(tag)).filter(wanted);
  return elements.find((element) => element.closest('article')) ?? elements.find((element) => element.closest('main')) ?? elements[0];
}

/// A page title without the site's name around it: "Statement on X | Ministry" → "Statement on X".
export function withoutSiteName(title: string, siteName: string | undefined): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  const separators = Array.from(clean.matchAll(titleSeparator));
  if (separators.length === 0) return clean;
  const first = separators[0]!;
  const last = separators[separators.length - 1]!;
  const head = clean.slice(0, first.index);
  const tail = clean.slice(last.index + last[0].length);
  const site = siteName?.toLowerCase();
  if (site && tail.toLowerCase() === site) return clean.slice(0, last.index);
  if (site && head.toLowerCase() === site) return clean.slice(first.index + first[0].length);
  // Without the site's name to compare, only "|" before a short tail is cut: a dash in a
  // press release's title is usually part of it.
  if (last[0].trim() === '|' && tail.split(' ').length <= 6) return clean.slice(0, last.index);
  return clean;
}

/// The ISO date at the start of a machine-readable date ("2021-11-19T09:00:00+03:00"), or
/// of a human one ("19 November 2021").
function isoDateOf(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(text);
  return (iso ? dateInLine(iso[1]!) : dateInLine(text)) ?? undefined;
}

/// The page address if it is an absolute http(s) URL.
function webAddress(href: string | null | undefined): string | undefined {
  if (!href || !isSafeHref(href) || /^mailto:/i.test(href.trim())) return undefined;
  try {
    return new URL(href.trim()).href;
  } catch {
    return undefined;
  }
}

/// A BCP 47 tag as a browser would canonicalise it ("en-gb" → "en-GB"), or undefined.
function languageTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/// The first JSON-LD object that describes an article (or the first object at all).
function readJsonLd(document: Document): Record<string, unknown> {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('@graph' in record) visit(record['@graph']);
      if ('headline' in record || 'datePublished' in record) found.push(record);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD says nothing; the other sources still may.
    }
  }
  return found[0] ?? {};
}
