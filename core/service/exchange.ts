/// importExchange: what another analysis tool (or another Excerpt) exported, added to the
/// library. A REFI-QDA project (.qdpx) brings its codebook, its texts and their coded passages;
/// a REFI-QDA codebook (.qdc) its codes; a W3C Web Annotation file (.jsonld, .json) annotations
/// of documents the library already holds (found by web address, or by title). Codes meet the
/// codebook by name under the same parent; a text already in the library is not imported twice;
/// every passage is placed on the library's text by its quote and position (common/anchoring),
/// so a text the import pipeline laid out differently still gets its highlights, and one that
/// cannot be placed with confidence is named in `problems`, never guessed.
import type { ExcerptApi } from '../../common/api.ts';
import { anchor } from '../../common/anchoring/anchor.ts';
import { toUtf16Offset } from '../../common/codepoints.ts';
import { ExcerptError } from '../../common/errors.ts';
import { describeQuote } from '../../common/quote.ts';
import type { Annotation, ExchangeImported } from '../../common/types.ts';
import type { ImportedCode, ImportedDocument } from '../exchange/project.ts';
import { readQdc } from '../exchange/readQdc.ts';
import { readQdpx } from '../exchange/readQdpx.ts';
import { readW3c } from '../exchange/readW3c.ts';
import type { Methods, ServiceContext } from './context.ts';

/// The passages and where they go, counted as the import goes.
type Tally = ExchangeImported;

/// importExchange: its writes are the service's own calls (`service()`), each checked as any
/// call is; its lookups read the stores (`ctx`) directly.
export function exchangeMethods(ctx: ServiceContext, service: () => ExcerptApi): Methods<'importExchange'> {
  return {
    async importExchange({ name, bytes }) {
      const data = Buffer.from(bytes, 'base64');
      const tally: Tally = { documentsImported: 0, documentsFound: 0, tagsCreated: 0, tagsFound: 0, highlightsPlaced: 0, highlightsAlreadyThere: 0, problems: [] };
      const extension = name.toLowerCase().match(/\.([a-z]+)$/)?.[1];
      if (extension === 'qdpx') {
        const project = readQdpx(new Uint8Array(data));
        tally.problems.push(...project.problems);
        const tagOf = await ensureCodebook(ctx, service(), project.codebook, tally);
        for (const document of project.documents) await importDocument(service(), document, tagOf, tally);
      } else if (extension === 'qdc') {
        await ensureCodebook(ctx, service(), readQdc(data.toString('utf8')), tally);
      } else if (extension === 'jsonld' || extension === 'json') {
        await importAnnotations(ctx, service(), data.toString('utf8'), tally);
      } else {
        throw new ExcerptError('invalid-argument', `“${name}” is not a file Excerpt exchanges with other tools. Choose a REFI-QDA project (.qdpx) or codebook (.qdc), or W3C annotations (.jsonld).`, 'name');
      }
      return tally;
    },
  };
}

/// The library's tag for each code (by key), creating those the codebook lacks: a code meets a
/// tag of the same name (ignoring case) under the tag its parent met.
async function ensureCodebook(ctx: ServiceContext, api: ExcerptApi, codes: readonly ImportedCode[], tally: Tally): Promise<Map<string, number>> {
  const tagOf = new Map<string, number>();
  for (const code of codes) {
    const parentId = code.parentKey === null ? null : tagOf.get(code.parentKey) ?? null;
    const found = ctx.tags.siblingNamed(parentId, code.name.trim());
    if (found) {
      tally.tagsFound++;
      tagOf.set(code.key, found.id);
      continue;
    }
    const created = await api.createTag({ name: code.name, parentId, ...(code.color && { color: code.color }), description: code.description });
    tally.tagsCreated++;
    tagOf.set(code.key, created.id);
  }
  return tagOf;
}

/// Imports one project document (or finds its text in the library) and places its passages.
async function importDocument(api: ExcerptApi, document: ImportedDocument, tagOf: ReadonlyMap<string, number>, tally: Tally): Promise<void> {
  const result = await api.importFiles({ files: [{ name: `${document.title.slice(0, 200)}.txt`, bytes: Buffer.from(document.text).toString('base64') }] });
  const imported = result.imported[0];
  const id = imported?.id ?? result.duplicates[0]?.id ?? result.revised[0]?.id;
  if (id === undefined) {
    tally.problems.push(`“${document.title}” was not imported: ${result.failed[0]?.reason ?? 'the library refused it'}.`);
    return;
  }
  if (imported) {
    tally.documentsImported++;
    await api.updateDocument({
      id,
      ...(document.published && { published: document.published }),
      ...(document.source && { source: document.source }),
      ...(document.url && /^https?:\/\//.test(document.url) && { sourceUrl: document.url }),
    });
  } else {
    tally.documentsFound++;
  }
  const target = await targetOf(api, id, document.title);
  for (const highlight of document.highlights) {
    const tagIds = highlight.codeKeys.flatMap((key) => tagOf.get(key) ?? []);
    if (tagIds.length === 0) continue;
    await placeHighlight(api, target, { ...describeQuote(document.text, highlight.start, highlight.end), start: highlight.start, end: highlight.end }, tagIds, highlight.note, tally);
  }
}

/// W3C annotations onto the documents the library holds.
async function importAnnotations(ctx: ServiceContext, api: ExcerptApi, json: string, tally: Tally): Promise<void> {
  const { annotations } = readW3c(json);
  const documentFor = new Map<string, number | null>();
  const targets = new Map<number, Target>();
  for (const annotation of annotations) {
    const key = `${annotation.source}\n${annotation.title ?? ''}`;
    if (!documentFor.has(key)) documentFor.set(key, findDocument(ctx, annotation.source, annotation.title));
    const id = documentFor.get(key)!;
    const what = annotation.title ? `“${annotation.title}”` : annotation.source;
    if (id === null) {
      tally.problems.push(`No document in the library is ${what}: import it first, then the annotations on it.`);
      continue;
    }
    if (annotation.exact === '') {
      tally.problems.push(`An annotation on ${what} has no quote (TextQuoteSelector) to find its passage by; it was left out.`);
      continue;
    }
    const tagIds: number[] = [];
    for (const name of annotation.tags) tagIds.push(await tagNamed(ctx, api, name, tally));
    if (tagIds.length === 0) {
      tally.problems.push(`The annotation on “${annotation.exact.slice(0, 60)}” in ${what} has no tag; Excerpt keeps tagged highlights only.`);
      continue;
    }
    let target = targets.get(id);
    if (!target) {
      target = await targetOf(api, id, annotation.title ?? annotation.source);
      targets.set(id, target);
    }
    // The file counts code points into the text it was made on; near enough to guide the search.
    const start = annotation.start === null ? 0 : toUtf16Offset(target.text, annotation.start);
    const selector = { exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix, start, end: start + annotation.exact.length };
    await placeHighlight(api, target, selector, tagIds, annotation.note, tally);
  }
}

/// The document a W3C source names: Excerpt's own name for it, its web address, or its title.
function findDocument(ctx: ServiceContext, source: string, title: string | null): number | null {
  const own = source.match(/^urn:excerpt:document:(\d+)$/);
  if (own) {
    const document = ctx.documents.describe(Number(own[1]));
    if (document && (title === null || document.title === title)) return document.id;
  }
  if (/^https?:\/\//.test(source)) {
    const id = ctx.documents.withSourceUrl(source);
    if (id !== undefined) return id;
  }
  return title === null ? null : ctx.documents.withTitle(title) ?? null;
}

/// The tag of that name (ignoring case, anywhere in the codebook), made at the top when missing.
async function tagNamed(ctx: ServiceContext, api: ExcerptApi, name: string, tally: Tally): Promise<number> {
  const found = ctx.tags.idsNamed(name.trim())[0];
  if (found !== undefined) return found;
  tally.tagsCreated++;
  return (await api.createTag({ name: name.trim() })).id;
}

/// A document the import places passages on: its text and highlights, read once.
interface Target {
  id: number;
  title: string;
  text: string;
  highlights: Annotation[];
}

async function targetOf(api: ExcerptApi, id: number, title: string): Promise<Target> {
  const { text } = await api.getDocument({ id });
  return { id, title, text, highlights: await api.listAnnotations({ documentId: id }) };
}

/// Puts a passage on the library's text where its quote is, with its tags and note; a highlight
/// already standing on the same passage takes the tags it lacks instead.
async function placeHighlight(
  api: ExcerptApi, target: Target,
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number },
  tagIds: readonly number[], note: string, tally: Tally,
): Promise<void> {
  const range = anchor(target.text, selector);
  if (!range) {
    tally.problems.push(`In “${target.title}”, the passage “${selector.exact.slice(0, 60)}” could not be found with confidence; code it by hand.`);
    return;
  }
  const index = target.highlights.findIndex((a) => a.start === range.start && a.end === range.end);
  const same = target.highlights[index];
  if (same) {
    const missing = tagIds.filter((id) => !same.tagIds.includes(id));
    if (missing.length > 0) target.highlights[index] = await api.updateAnnotation({ id: same.id, tagIds: [...same.tagIds, ...missing] });
    tally.highlightsAlreadyThere++;
    return;
  }
  target.highlights.push(await api.createAnnotation({ documentId: target.id, start: range.start, end: range.end, tagIds: [...new Set(tagIds)], note }));
  tally.highlightsPlaced++;
}
