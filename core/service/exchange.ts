/// importExchange: what another analysis tool (or another Excerpt) exported, added to the
/// library. A REFI-QDA project (.qdpx) brings its codebook, its texts and their coded passages;
/// a REFI-QDA codebook (.qdc) its codes; a W3C Web Annotation file (.jsonld, .json) annotations
/// of documents the library already holds (found by web address, or by title). Codes meet the
/// codebook by name under the same parent; a text already in the library is not imported twice;
/// every passage is placed on the library's text by its quote and position (common/anchoring),
/// so a text the import pipeline laid out differently still gets its highlights, and one that
/// cannot be placed with confidence is named in `problems`, never guessed.
/// The import is all or nothing. The file is read and its texts laid out first, writing
/// nothing; then everything it adds is added in one transaction, through the service's own
/// methods run at once inside it. So when the library refuses one part (a code name too long,
/// a note too large), the message names that part and the library is as it was.
import type { ArgsIn, Result } from '../../common/api.ts';
import { anchor } from '../../common/anchoring/anchor.ts';
import { toUtf16Offset } from '../../common/codepoints.ts';
import { ExcerptError } from '../../common/errors.ts';
import { parseArgs } from '../../common/parseArgs.ts';
import { describeQuote, shortQuote } from '../../common/quote.ts';
import type { Annotation, ExchangeImported } from '../../common/types.ts';
import type { ImportedAnnotation, ImportedCode, ImportedDocument } from '../exchange/project.ts';
import { TAG_PATH_SEPARATOR } from '../export/brief.ts';
import { namedDocument } from '../export/excerptUrn.ts';
import type { NewDocument } from '../store/documents.ts';
import { annotationMethods } from './annotations.ts';
import { codebookMethods } from './codebook.ts';
import type { Methods, ServiceContext } from './context.ts';
import { readNewDocument, storeNewDocument } from './documentIntake.ts';
import { documentMethods } from './documents.ts';

/// The passages and where they go, counted as the import goes.
type Tally = ExchangeImported;

/// The service's methods the import writes with.
type ImportWrite = 'createTag' | 'createAnnotation' | 'updateAnnotation' | 'updateDocument';

/// Runs one of the service's writes inside the import's transaction; `part` names what of the
/// file it adds, for the message when the library refuses it.
type Write = <M extends ImportWrite>(method: M, args: ArgsIn<M>, part: string) => Result<M>;

/// What a file adds to the library, once read: run inside the import's transaction, looking
/// things up in the stores (`ctx`) and adding through `write`.
type Addition = (ctx: ServiceContext, write: Write, tally: Tally) => void;

/// A project document with the row its text makes in the library, or why the library refuses it.
type LaidOutDocument = ImportedDocument & ({ row: NewDocument } | { reason: string });

/// importExchange.
export function exchangeMethods(ctx: ServiceContext): Methods<'importExchange'> {
  return {
    async importExchange({ name, bytes }) {
      const add = await readExchangeFile(name, Buffer.from(bytes, 'base64'), ctx.now());
      const tally: Tally = { documentsImported: 0, documentsFound: 0, tagsCreated: 0, tagsFound: 0, highlightsPlaced: 0, highlightsAlreadyThere: 0, problems: [] };
      const write = serviceWrites(ctx);
      ctx.write('import', () => add(ctx, write, tally));
      return tally;
    },
  };
}

/// Reads the file `name` and lays out the texts of its documents as an import of each would,
/// writing nothing; returns what adds its contents to the library. Each reader is loaded when
/// its first file comes (the XML parser is a library a start of Excerpt need not load).
async function readExchangeFile(name: string, data: Buffer, importedAt: string): Promise<Addition> {
  const extension = name.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (extension === 'qdpx') {
    const { readQdpx } = await import('../exchange/readQdpx.ts');
    const project = readQdpx(new Uint8Array(data));
    const documents = await Promise.all(project.documents.map((document) => laidOut(document, importedAt)));
    return (ctx, write, tally) => {
      tally.problems.push(...project.problems);
      const tagOf = ensureCodebook(ctx, write, project.codebook, tally);
      for (const document of documents) addDocument(ctx, write, document, tagOf, tally);
    };
  }
  if (extension === 'qdc') {
    const { readQdc } = await import('../exchange/readQdc.ts');
    const codes = readQdc(data.toString('utf8'));
    return (ctx, write, tally) => void ensureCodebook(ctx, write, codes, tally);
  }
  if (extension === 'jsonld' || extension === 'json') {
    const { readW3c } = await import('../exchange/readW3c.ts');
    const { annotations } = readW3c(data.toString('utf8'));
    return (ctx, write, tally) => addAnnotations(ctx, write, annotations, tally);
  }
  throw new ExcerptError('invalid-argument', `“${name}” is not a file Excerpt exchanges with other tools. Choose a REFI-QDA project (.qdpx) or codebook (.qdc), or W3C annotations (.jsonld).`, 'name');
}

/// The service's writes, for the import's transaction: each parses its arguments as a host's call
/// is parsed and checks what its method checks, and runs at once, committing nothing and
/// announcing nothing of its own (the transaction does both, once).
function serviceWrites(ctx: ServiceContext): Write {
  const inner: ServiceContext = { ...ctx, write: (_reason, change) => change() };
  const methods: Methods<ImportWrite> = { ...codebookMethods(inner), ...annotationMethods(inner), ...documentMethods(inner) };
  return (method, args, part) => {
    let result;
    try {
      result = methods[method](parseArgs(method, args));
    } catch (error) {
      throw error instanceof ExcerptError ? refused(part, error) : error;
    }
    // Each of these methods writes at once; one that awaited would write outside the transaction.
    if (result instanceof Promise) throw new Error(`${method} no longer writes at once, so the exchange import cannot run it inside its transaction`);
    return result;
  };
}

/// The error for a part of the file the library refused, which undoes the whole import.
function refused(part: string, error: ExcerptError): ExcerptError {
  return new ExcerptError(error.code, `Excerpt refused ${part} (${error.message.replace(/\.$/, '')}), so nothing from the file was imported ` +
    'and the library is as it was. Correct that part in the program that made the file, export it again and import the new file.');
}

/// `document` with the row its text makes, read as an import of a .txt file reads it, so that a
/// text the library already holds is recognised.
async function laidOut(document: ImportedDocument, importedAt: string): Promise<LaidOutDocument> {
  try {
    return { ...document, row: await readNewDocument(`${document.title}.txt`, Buffer.from(document.text), importedAt) };
  } catch (error) {
    if (!(error instanceof ExcerptError)) throw error;
    return { ...document, reason: error.message };
  }
}

/// The library's tag for each code (by key), creating those the codebook lacks: a code meets a
/// tag of the same name (ignoring case) under the tag its parent met.
function ensureCodebook(ctx: ServiceContext, write: Write, codes: readonly ImportedCode[], tally: Tally): Map<string, number> {
  const tagOf = new Map<string, number>();
  for (const code of codes) {
    const parentId = code.parentKey === null ? null : tagOf.get(code.parentKey) ?? null;
    const found = ctx.tags.siblingNamed(parentId, code.name.trim());
    if (found) {
      tally.tagsFound++;
      tagOf.set(code.key, found.id);
      continue;
    }
    const created = write('createTag', { name: code.name, parentId, ...(code.color && { color: code.color }), description: code.description }, `the code “${shortQuote(code.name)}”`);
    tally.tagsCreated++;
    tagOf.set(code.key, created.id);
  }
  return tagOf;
}

/// Adds one project document (or finds its text in the library) and places its passages.
function addDocument(ctx: ServiceContext, write: Write, document: LaidOutDocument, tagOf: ReadonlyMap<string, number>, tally: Tally): void {
  if ('reason' in document) {
    tally.problems.push(`“${document.title}” was not imported: ${document.reason.replace(/\.$/, '')}.`);
    return;
  }
  const { id, kind } = storeNewDocument(ctx, document.row);
  if (kind === 'imported') {
    tally.documentsImported++;
    write('updateDocument', {
      id,
      ...(document.published && { published: document.published }),
      ...(document.source && { source: document.source }),
      ...(document.url && /^https?:\/\//.test(document.url) && { sourceUrl: document.url }),
    }, `the source, date and address of “${shortQuote(document.title)}”`);
  } else {
    tally.documentsFound++;
  }
  const target = targetOf(ctx, id, document.title);
  for (const highlight of document.highlights) {
    const tagIds = highlight.codeKeys.flatMap((key) => tagOf.get(key) ?? []);
    if (tagIds.length === 0) continue;
    placeHighlight(write, target, { ...describeQuote(document.text, highlight.start, highlight.end), start: highlight.start, end: highlight.end }, tagIds, highlight.note, tally);
  }
}

/// W3C annotations onto the documents the library holds.
function addAnnotations(ctx: ServiceContext, write: Write, annotations: readonly ImportedAnnotation[], tally: Tally): void {
  const documentFor = new Map<string, number | null>();
  const tagFor = new Map<string, number>();
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
    const tagIds = annotation.tags.map((name) => {
      let tagId = tagFor.get(name);
      if (tagId === undefined) {
        tagId = tagNamed(ctx, write, name, tally);
        tagFor.set(name, tagId);
      }
      return tagId;
    });
    if (tagIds.length === 0) {
      tally.problems.push(`The annotation on “${shortQuote(annotation.exact)}” in ${what} has no tag; Excerpt keeps tagged highlights only.`);
      continue;
    }
    let target = targets.get(id);
    if (!target) {
      target = targetOf(ctx, id, annotation.title ?? annotation.source);
      targets.set(id, target);
    }
    // The file counts code points into the text it was made on; near enough to guide the search.
    const start = annotation.start === null ? 0 : toUtf16Offset(target.text, annotation.start);
    const selector = { exact: annotation.exact, prefix: annotation.prefix, suffix: annotation.suffix, start, end: start + annotation.exact.length };
    placeHighlight(write, target, selector, tagIds, annotation.note, tally);
  }
}

/// The document a W3C source names: this library's name for it, its web address, or its title.
function findDocument(ctx: ServiceContext, source: string, title: string | null): number | null {
  const own = namedDocument(source);
  // A name from another library says nothing of this one's ids; its title may still find it.
  if (own && own.libraryId === ctx.libraryId) {
    // Ids of deleted documents come back (no AUTOINCREMENT): the title confirms it is the same one.
    const document = ctx.documents.describe(own.id);
    if (document && (title === null || document.title === title)) return document.id;
  }
  if (/^https?:\/\//.test(source)) {
    const id = ctx.documents.withSourceUrl(source);
    if (id !== undefined) return id;
  }
  return title === null ? null : ctx.documents.withTitle(title) ?? null;
}

/// The tag a tagging body names. A path, "Parent › Child" as Excerpt writes it, is followed from
/// the top of the codebook, each missing part made under the one before; a plain name (other
/// tools' tags) is the tag of that name anywhere in the codebook, made at the top when missing.
/// Names are compared ignoring case.
function tagNamed(ctx: ServiceContext, write: Write, value: string, tally: Tally): number {
  const names = value.split(TAG_PATH_SEPARATOR.trim()).map((name) => name.trim()).filter(Boolean);
  if (names.length <= 1) {
    const name = names[0] ?? value.trim();
    const found = ctx.tags.idsNamed(name)[0];
    return found ?? createTag(write, name, null, tally);
  }
  let parentId: number | null = null;
  for (const name of names) parentId = ctx.tags.siblingNamed(parentId, name)?.id ?? createTag(write, name, parentId, tally);
  return parentId!;
}

function createTag(write: Write, name: string, parentId: number | null, tally: Tally): number {
  tally.tagsCreated++;
  return write('createTag', { name, parentId }, `the tag “${shortQuote(name)}”`).id;
}

/// A document the import places passages on: its text and highlights, read once.
interface Target {
  id: number;
  title: string;
  text: string;
  highlights: Annotation[];
}

function targetOf(ctx: ServiceContext, id: number, title: string): Target {
  return { id, title, text: ctx.documents.text(id)!, highlights: ctx.annotations.listForDocument(id) };
}

/// Puts a passage on the library's text where its quote is, with its tags and note; a highlight
/// already standing on the same passage takes the tags it lacks instead.
function placeHighlight(
  write: Write, target: Target,
  selector: { exact: string; prefix: string; suffix: string; start: number; end: number },
  tagIds: readonly number[], note: string, tally: Tally,
): void {
  const range = anchor(target.text, selector);
  if (!range) {
    tally.problems.push(`In “${target.title}”, the passage “${shortQuote(selector.exact)}” could not be found with confidence; code it by hand.`);
    return;
  }
  const part = `the highlight “${shortQuote(selector.exact)}” in “${shortQuote(target.title)}”`;
  const index = target.highlights.findIndex((a) => a.start === range.start && a.end === range.end);
  const same = target.highlights[index];
  if (same) {
    const missing = tagIds.filter((id) => !same.tagIds.includes(id));
    if (missing.length > 0) target.highlights[index] = write('updateAnnotation', { id: same.id, tagIds: [...same.tagIds, ...missing] }, part);
    tally.highlightsAlreadyThere++;
    return;
  }
  target.highlights.push(write('createAnnotation', { documentId: target.id, start: range.start, end: range.end, tagIds: [...new Set(tagIds)], note }, part));
  tally.highlightsPlaced++;
}
