/// Excerpts as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/) that other
/// annotation tools read: one AnnotationCollection whose first page embeds an Annotation per
/// highlight. Its tags are tagging bodies and its note a commenting body; its target is the
/// document (cited by title, publisher and date) with a quote selector and a position selector
/// in code points, so a reader can find the passage again.
import { tagPaths } from './brief.ts';
import { EXCERPT_URN, excerptUrn } from './excerptUrn.ts';
import type { Excerpt, ExcerptDocument, ExportSnapshot } from './excerpts.ts';

/// The JSON-LD context every Web Annotation names.
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/// The target's key for the paragraph the quote starts in (counted from 1), for citations. The
/// model has no paragraph reference, so it is an absolute IRI in Excerpt's namespace (the same
/// in every library: it names a property, not an item).
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

/// How many annotations are written at a time (see snapshotToW3c).
const BATCH = 1000;

/// The whole file: one AnnotationCollection of every excerpt of `snapshot`, named and dated by
/// `exportedAt` (ISO 8601, when the export was made). Compact JSON with one annotation a line:
/// pretty-printed, a file of 100,000 excerpts would be half as large again and slower to write.
export function snapshotToW3c(snapshot: ExportSnapshot, exportedAt: string): string {
  const { libraryId } = snapshot;
  const id = excerptUrn(libraryId, 'export', percentEncode(exportedAt, pathForbidden));
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
  // What excerpts share is written once: a document's resource (its address parsed once, not
  // per excerpt) and a tag's body.
  const sources = new Map<number, string>();
  const sourceOf = (document: ExcerptDocument) => {
    let source = sources.get(document.id);
    if (source === undefined) {
      source = JSON.stringify(documentResource(libraryId, document));
      sources.set(document.id, source);
    }
    return source;
  };
  const paths = tagPaths(snapshot.codebook);
  // A tag's body names the tag by its path from the top of the codebook, "Parent › Child":
  // tags of one name under two parents stay two tags when the file is read back.
  const tagBodies = new Map<number, string>();
  const tagBodiesOf = (excerpt: Excerpt) => excerpt.tagIds.map((tagId) => {
    let body = tagBodies.get(tagId);
    if (body === undefined) {
      // The snapshot's tags all stand in its codebook (their names come from it).
      body = JSON.stringify({ type: 'TextualBody', purpose: 'tagging', value: paths.get(tagId)! } satisfies TextualBody);
      tagBodies.set(tagId, body);
    }
    return body;
  }).join(',');
  // A batch of annotations at a time: its lines joined are garbage once added to the file, and
  // one string for the whole file at once would be too large for the garbage collector to copy.
  let items = '';
  for (let start = 0; start < total; start += BATCH) {
    const lines = snapshot.excerpts.slice(start, start + BATCH).map((excerpt) =>
      annotationJson(excerptUrn(libraryId, 'annotation', excerpt.id), excerpt, tagBodiesOf(excerpt), sourceOf(excerpt.document)));
    // Concatenated, not joined: the batches are copied into one string once, when the file is read.
    items += `${start === 0 ? '' : ',\n'}${lines.join(',\n')}`;
  }
  const frame = JSON.stringify({ ...collection, first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items: [] } });
  // The items are the page's last key and the page the collection's: they go before the final `]}}`.
  const itemsAt = frame.length - ']}}'.length;
  return `${frame.slice(0, itemsAt)}\n${items}\n${frame.slice(itemsAt)}\n`;
}

/// One highlight as an Annotation: its tags (`tagBodies`) and note as bodies, the quote in its
/// document (`source`, as JSON) as target. Written as text around serialised values, in the
/// order the model lists the keys (the Body, Selector and resource types above): the parts
/// excerpts share are serialised once, and no object is made per excerpt but the string.
function annotationJson(id: string, excerpt: Excerpt, tagBodies: string, source: string): string {
  const note = excerpt.note.trim() === ''
    ? ''
    : JSON.stringify({ type: 'TextualBody', purpose: 'commenting', value: excerpt.note, format: 'text/plain' } satisfies TextualBody);
  const bodies = tagBodies && note ? `${tagBodies},${note}` : tagBodies || note;
  // Why the highlight was made; each body's purpose says what it is.
  const motivation: Motivation = tagBodies ? 'tagging' : note ? 'commenting' : 'highlighting';
  const quote: Selector['type'] = 'TextQuoteSelector';
  const position: Selector['type'] = 'TextPositionSelector';
  return `{"id":${JSON.stringify(id)},"type":"Annotation","motivation":"${motivation}",` +
    `"created":${JSON.stringify(excerpt.created)},"modified":${JSON.stringify(excerpt.modified)},` +
    (bodies ? `"body":[${bodies}],` : '') +
    `"target":{"type":"SpecificResource","source":${source},"selector":[{"type":"${quote}","exact":${JSON.stringify(excerpt.text)}` +
    (excerpt.prefix ? `,"prefix":${JSON.stringify(excerpt.prefix)}` : '') +
    (excerpt.suffix ? `,"suffix":${JSON.stringify(excerpt.suffix)}` : '') +
    `},{"type":"${position}","start":${excerpt.start},"end":${excerpt.end}}],${JSON.stringify(PARAGRAPH_KEY)}:${excerpt.paragraph}}}`;
}

/// The document as a web resource: its address when it has one a reader can follow, else
/// Excerpt's name for it; with its title, publisher and date for citations.
function documentResource(libraryId: string, document: ExcerptDocument): DocumentResource {
  return {
    id: (document.url !== null ? webAddress(document.url) : undefined) ?? excerptUrn(libraryId, 'document', document.id),
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
