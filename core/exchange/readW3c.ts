/// Reads W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/) as Excerpt or
/// another annotation tool wrote them: a collection (its pages embedded or its items direct), a
/// page, one annotation, or a list of them. Each target that marks a passage (a quote or a
/// position selector) becomes one annotation, with the tagging bodies as tags and the commenting
/// ones as its note. What the reader does not understand (other selectors, linked pages, bodies
/// that are resources) it passes over; a file with nothing it can use is refused.
import { ExcerptError } from '../../common/errors.ts';
import type { ImportedAnnotation, ImportedAnnotations } from './project.ts';

type JsonObject = Record<string, unknown>;

/// How deep lists and collections may nest before the reader stops looking for annotations.
const MAX_NESTING = 8;

/// The annotations of the W3C Web Annotation file `json`.
export function readW3c(json: string): ImportedAnnotations {
  let value: unknown;
  try {
    value = JSON.parse(json.startsWith('\uFEFF') ? json.slice(1) : json);
  } catch {
    throw new ExcerptError('invalid-argument', 'This file is not JSON, so it holds no W3C Web Annotations. Choose the .json or .jsonld file your annotation tool exported as Web Annotations.');
  }
  const found = annotationsIn(value, 0);
  if (found.length === 0) {
    throw new ExcerptError('invalid-argument', 'This file holds no W3C Web Annotation: no object in it has the type "Annotation". Export the annotations again as W3C Web Annotations (an AnnotationCollection, a page or a list of annotations).');
  }
  const annotations = found.flatMap(readAnnotation);
  if (annotations.length === 0) {
    throw new ExcerptError('invalid-argument', `None of the ${found.length} annotations in this file marks a passage of a document with a quote or a position, so Excerpt cannot place any of them. Export them again with their text quote or text position selectors.`);
  }
  return { annotations };
}

/// The annotations `value` holds: itself, the items of a collection's pages or of a page, or
/// the members of a list.
function annotationsIn(value: unknown, depth: number): JsonObject[] {
  if (depth > MAX_NESTING) return [];
  if (Array.isArray(value)) return value.flatMap((item) => annotationsIn(item, depth + 1));
  if (!isObject(value)) return [];
  const types = strings(value.type ?? value['@type']);
  if (types.some((type) => type === 'Annotation' || type === 'oa:Annotation') || (types.length === 0 && 'target' in value)) return [value];
  const found = annotationsIn(value.items, depth + 1);
  // A collection's pages follow one another through `next`; only embedded pages can be read.
  for (let page = value.first; isObject(page); page = page.next) found.push(...annotationsIn(page.items, depth + 1));
  return found;
}

/// One ImportedAnnotation per target of `annotation` that marks a passage.
function readAnnotation(annotation: JsonObject): ImportedAnnotation[] {
  const tags: string[] = [];
  const notes: string[] = [];
  // A body without a purpose serves the annotation's motivation.
  const motivations = strings(annotation.motivation);
  // `bodyValue` is a plain text body: a comment, or a tag when tagging is the motivation.
  const bodyValue = typeof annotation.bodyValue === 'string'
    ? [{ value: annotation.bodyValue, purpose: motivations.includes('tagging') ? 'tagging' : 'commenting' }]
    : [];
  const bodies = [...list(annotation.body), ...bodyValue];
  for (const body of bodies) {
    if (!isObject(body) || typeof body.value !== 'string') continue;
    const purposes = strings(body.purpose);
    const purpose = purposes.length > 0 ? purposes : motivations;
    if (purpose.includes('tagging')) {
      const tag = body.value.trim();
      if (tag !== '' && !tags.includes(tag)) tags.push(tag);
    } else if (purpose.includes('commenting')) {
      notes.push(body.value);
    }
  }
  const note = notes.join('\n\n');
  return list(annotation.target).flatMap((target): ImportedAnnotation[] => {
    if (!isObject(target)) return [];
    const resource = target.source;
    const source = typeof resource === 'string' ? resource : isObject(resource) ? stringOf(resource.id ?? resource['@id']) : undefined;
    const selectors = list(target.selector).filter(isObject);
    const quote = selectors.find((s) => strings(s.type).includes('TextQuoteSelector') && typeof s.exact === 'string');
    const position = selectors.find((s) => strings(s.type).includes('TextPositionSelector') && isOffset(s.start) && isOffset(s.end) && s.start <= s.end);
    if (!source || (!quote && !position)) return [];
    const title = isObject(resource) ? stringOf(resource['dcterms:title']) : undefined;
    return [{
      source,
      title: title ?? null,
      exact: stringOf(quote?.exact) ?? '',
      prefix: stringOf(quote?.prefix) ?? '',
      suffix: stringOf(quote?.suffix) ?? '',
      start: isOffset(position?.start) ? position.start : null,
      end: isOffset(position?.end) ? position.end : null,
      tags: [...tags],
      note,
    }];
  });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/// A JSON-LD value that may be one item or a list of them, as a list.
function list(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/// The strings of a value that may be one string or a list of them.
function strings(value: unknown): string[] {
  return list(value).filter((item): item is string => typeof item === 'string');
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
