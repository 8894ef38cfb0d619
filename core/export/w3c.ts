/// Excerpts as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/) that other
/// annotation tools read: one AnnotationCollection whose first page embeds an Annotation per
/// highlight. Its tags are tagging bodies and its note a commenting body; its target is the
/// document (cited by title, publisher and date) with a quote selector and a position selector
/// in code points, so a reader can find the passage again.
import type { Excerpt, ExcerptDocument, ExportSnapshot } from './excerpts.ts';

/// The JSON-LD context every Web Annotation names.
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/// Excerpt's own names, `urn:excerpt:<kind>:<id>`: for highlights, documents without a web
/// address and exports, and for the one property the model has no place for.
export const EXCERPT_URN = 'urn:excerpt:';

/// The target's key for the paragraph the quote starts in (counted from 1), for citations. The
/// model has no paragraph reference, so it is an absolute IRI in Excerpt's namespace.
export const PARAGRAPH_KEY = `${EXCERPT_URN}paragraph` as const;

type Motivation = 'tagging' | 'commenting' | 'highlighting';

interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting';
  value: string;
  format?: 'text/plain';
}

interface DocumentResource {
  id: string;
  type: 'Text';
  'dcterms:title': string;
  /// A publisher is an agent (dcterms:publisher), here known by its name only (foaf:name).
  'dcterms:publisher'?: { name: string };
  /// YYYY-MM-DD
  'dcterms:issued'?: string;
}

type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    type: 'SpecificResource';
    source: DocumentResource;
    selector: Selector[];
    [PARAGRAPH_KEY]: number;
  };
}

/// How many annotations are written at a time (see snapshotToW3c).
const BATCH = 1000;

/// The whole file: one AnnotationCollection of every excerpt of `snapshot`, named and dated by
/// `exportedAt` (ISO 8601, when the export was made). Compact JSON with one annotation a line:
/// pretty-printed, a file of 100,000 excerpts would be half as large again and slower to write.
export function snapshotToW3c(snapshot: ExportSnapshot, exportedAt: string): string {
  const id = `${EXCERPT_URN}export:${percentEncode(exportedAt, pathForbidden)}`;
  const total = snapshot.excerpts.length;
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Excerpts exported ${exportedAt}`,
    created: exportedAt,
    total,
  };
  // The model wants a first page only when there are annotations to put on it.
  if (total === 0) return `${JSON.stringify(collection)}\n`;
  // One resource per document, shared by its annotations: its address is parsed once, not per excerpt.
  const resources = new Map<number, DocumentResource>();
  const resourceOf = (document: ExcerptDocument) => {
    let resource = resources.get(document.id);
    if (!resource) {
      resource = documentResource(document);
      resources.set(document.id, resource);
    }
    return resource;
  };
  // A batch of annotations at a time, not one tree of objects for the whole file: a batch's
  // objects are garbage before the next is made, and its lines joined are one string too large
  // for the garbage collector to copy. For 100,000 excerpts its work falls from a second to a tenth.
  let items = '';
  for (let start = 0; start < total; start += BATCH) {
    const lines = snapshot.excerpts.slice(start, start + BATCH).map((excerpt) => JSON.stringify(excerptToAnnotation(excerpt, resourceOf(excerpt.document))));
    // Concatenated, not joined: the batches are copied into one string once, when the file is
    // read, as JSON.stringify's own pieces are.
    items += `${start === 0 ? '' : ',\n'}${lines.join(',\n')}`;
  }
  const frame = JSON.stringify({ ...collection, first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items: [] } });
  // The items are the page's last key and the page the collection's: they go before the final `]}}`.
  const itemsAt = frame.length - ']}}'.length;
  return `${frame.slice(0, itemsAt)}\n${items}\n${frame.slice(itemsAt)}\n`;
}

/// One highlight: its tags and note as bodies, the quote in its document as target.
function excerptToAnnotation(excerpt: Excerpt, source: DocumentResource): Annotation {
  const body: TextualBody[] = excerpt.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag }));
  if (excerpt.note.trim() !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: excerpt.note, format: 'text/plain' });
  return {
    id: `${EXCERPT_URN}annotation:${excerpt.id}`,
    type: 'Annotation',
    // Why the highlight was made; each body's purpose says what it is.
    motivation: excerpt.tags.length > 0 ? 'tagging' : body.length > 0 ? 'commenting' : 'highlighting',
    created: excerpt.created,
    modified: excerpt.modified,
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: excerpt.text,
          ...(excerpt.prefix ? { prefix: excerpt.prefix } : {}),
          ...(excerpt.suffix ? { suffix: excerpt.suffix } : {}),
        },
        { type: 'TextPositionSelector', start: excerpt.start, end: excerpt.end },
      ],
      [PARAGRAPH_KEY]: excerpt.paragraph,
    },
  };
}

/// The document as a web resource: its address when it has one a reader can follow, else
/// Excerpt's name for it; with its title, publisher and date for citations.
function documentResource(document: ExcerptDocument): DocumentResource {
  return {
    id: (document.url !== null ? webAddress(document.url) : undefined) ?? `${EXCERPT_URN}document:${document.id}`,
    type: 'Text',
    'dcterms:title': document.title,
    ...(document.source ? { 'dcterms:publisher': { name: document.source } } : {}),
    ...(document.published ? { 'dcterms:issued': document.published } : {}),
  };
}

// What RFC 3986 forbids in a path, and in a query or a fragment; "%" only where it starts no escape.
const pathForbidden = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]|%(?![0-9A-Fa-f]{2})/gu;
const queryForbidden = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]|%(?![0-9A-Fa-f]{2})/gu;
// A host as RFC 3986 writes it: a name, an IPv4 address or a bracketed IPv6 one, and a port.
const uriHost = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]]+$/;

/// `url` as a URI the model accepts (ASCII, RFC 3986): an http(s) address with what a URI may
/// not hold (Cyrillic paths, "|", a stray "%") percent-encoded as UTF-8, without any user name or
/// password; undefined when `url` is no such address.
function webAddress(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  // The WHATWG parser already writes the host in punycode and encodes non-ASCII characters.
  const { protocol, host, pathname, search, hash } = new URL(url);
  if ((protocol !== 'http:' && protocol !== 'https:') || !uriHost.test(host)) return undefined;
  const fragment = hash ? `#${percentEncode(hash.slice(1), queryForbidden)}` : '';
  return `${protocol}//${host}${percentEncode(pathname, pathForbidden)}${percentEncode(search, queryForbidden)}${fragment}`;
}

function percentEncode(text: string, forbidden: RegExp): string {
  return text.replace(forbidden, (character) => encodeURIComponent(character));
}
