/// Reads a REFI-QDA project (`.qdpx`: `project.qde` and the documents' texts in a zip), as
/// Excerpt or another program (ATLAS.ti, MAXQDA, NVivo, QualCoder…) wrote it: the codebook, each
/// text source with its coded selections, and the details Excerpt keeps as variables (Source,
/// Published, URL). Selections count code points from after any byte-order mark, end exclusive;
/// they become UTF-16 offsets into the text, which is kept exactly as the file gives it. What
/// cannot be read (a PDF or a picture, a selection outside its text, a code the codebook lacks)
/// is left out and said in `problems`; only a file holding no project at all is refused.
import { toCodePointOffset, toUtf16Offset } from '../../common/codepoints.ts';
import { ExcerptError } from '../../common/errors.ts';
import { shortQuote } from '../../common/quote.ts';
import type { ImportedDocument, ImportedHighlight, ImportedProject } from './project.ts';
import { findEntry, listEntries, unpackEntries, type ArchiveEntry } from './qdpxArchive.ts';
import { guidKey, readCodes } from './readQdc.ts';
import { attributeOf, childElement, childElements, childText, localName, xmlRoot } from './xml.ts';

const EXPORT_AGAIN = 'Export the project again from the program that made it';

/// The sources REFI-QDA knows besides text, as the problems name them.
const OTHER_SOURCES: Record<string, string> = {
  PDFSource: 'PDF document', PictureSource: 'picture', AudioSource: 'audio recording', VideoSource: 'video',
};

/// Where an element of the standard's TextSourceType (a source or a note) keeps its text.
type TextPlace = { text: string } | { entry: ArchiveEntry } | { missing: string };

/// What the selections of every source refer to, by GUID as guidKey writes it.
interface References {
  codeKeys: Map<string, string>;
  /// Variable names in lower case.
  variables: Map<string, string>;
  notes: Map<string, string>;
}

/// The project in the `.qdpx` file `bytes`.
export function readQdpx(bytes: Uint8Array): ImportedProject {
  const entries = listEntries(bytes);
  const qdeEntry = findEntry(entries, 'project.qde');
  if (!qdeEntry) throw invalid(`This .qdpx file has no project.qde inside, so it holds no REFI-QDA project. ${EXPORT_AGAIN}.`);
  const qde = decodeUtf8(unpackEntries(bytes, [qdeEntry]).get(qdeEntry.name)!);
  if (qde === undefined) throw invalid(`The project.qde inside this .qdpx file is not UTF-8 text, as REFI-QDA requires. ${EXPORT_AGAIN}.`);
  const root = xmlRoot(qde);
  if (!root) throw invalid(`The project.qde inside this .qdpx file is not readable XML: it is cut off or damaged. ${EXPORT_AGAIN}.`);
  if (localName(root) !== 'Project') {
    throw invalid(`The project.qde inside this .qdpx file holds a <${localName(root)}> where a REFI-QDA project has its <Project>. ${EXPORT_AGAIN}.`);
  }

  const codeBook = childElement(root, 'CodeBook');
  const codebook = codeBook ? readCodes(codeBook) : [];
  const sources = childrenOf(root, 'Sources');
  const notes = childrenOf(root, 'Notes').filter((note) => localName(note) === 'Note');

  // Every text the archive holds for sources and notes, each part unpacked once however many name it.
  const textSources = sources.filter((source) => localName(source) === 'TextSource');
  const places = new Map([...textSources, ...notes].map((element) => [element, textPlace(element, entries)]));
  const files = unpackEntries(bytes, [...places.values()].flatMap((place) => ('entry' in place ? [place.entry] : [])));
  const textOf = (element: Element): string | { missing: string } => {
    const place = places.get(element)!;
    if ('text' in place) return place.text;
    if ('missing' in place) return place;
    return decodeUtf8(files.get(place.entry.name)!) ?? { missing: `its text file ${place.entry.name} is not UTF-8 text, as REFI-QDA requires` };
  };

  const references: References = {
    codeKeys: new Map(codebook.map((code) => [guidKey(code.key), code.key])),
    variables: new Map(childrenOf(root, 'Variables').map((variable) => [guidOf(variable), (attributeOf(variable, 'name') ?? '').trim().toLowerCase()])),
    notes: new Map(notes.flatMap((note) => {
      const text = textOf(note);
      return typeof text === 'string' ? [[guidOf(note), text]] : [];
    })),
  };

  const problems: string[] = [];
  const documents: ImportedDocument[] = [];
  for (const source of sources) {
    const title = attributeOf(source, 'name')?.trim() || 'Untitled document';
    const kind = OTHER_SOURCES[localName(source)];
    if (kind) problems.push(`The ${kind} "${title}" was left out: Excerpt imports text documents only.`);
    if (localName(source) !== 'TextSource') continue;
    const text = textOf(source);
    if (typeof text !== 'string') problems.push(`The document "${title}" was left out: ${text.missing}.`);
    else documents.push(readDocument(source, title, text, references, problems));
  }
  return { codebook, documents, problems };
}

function readDocument(source: Element, title: string, text: string, references: References, problems: string[]): ImportedDocument {
  const variables = new Map<string, string>();
  for (const value of childElements(source, 'VariableValue')) {
    const reference = childElement(value, 'VariableRef');
    const name = reference && references.variables.get(guidKey(attributeOf(reference, 'targetGUID') ?? ''));
    const text = Array.from(value.children).find((child) => localName(child) !== 'VariableRef')?.textContent?.trim();
    if (name && text) variables.set(name, text);
  }
  const published = /^\d{4}-\d{2}-\d{2}/.exec(variables.get('published') ?? '')?.[0] ?? null;
  if (childElements(source, 'Coding').length > 0) {
    problems.push(`The document "${title}" is coded as a whole; Excerpt keeps codes on highlighted passages only, so those codes were left off it.`);
  }
  const length = toCodePointOffset(text, text.length);
  return {
    key: attributeOf(source, 'guid')?.trim() || title,
    title,
    text,
    source: variables.get('source') ?? null,
    published,
    url: variables.get('url') ?? null,
    highlights: childElements(source, 'PlainTextSelection').flatMap((selection) => {
      const highlight = readHighlight(selection, text, length, references, `In "${title}", the highlight ${selectionLabel(selection)}`, problems);
      return highlight ? [highlight] : [];
    }),
  };
}

/// The coded selection as a highlight, or undefined when it cannot be one; the reason goes to
/// `problems`, unless the selection is an uncoded bookmark with nothing on it to lose.
function readHighlight(selection: Element, text: string, length: number, references: References, which: string, problems: string[]): ImportedHighlight | undefined {
  const description = childText(selection, 'Description');
  const noteRefs = childElements(selection, 'NoteRef');
  const codings = childElements(selection, 'Coding');
  if (codings.length === 0) {
    // An uncoded selection is a bookmark of the other program; only a note on it would be missed.
    if (description.trim() !== '' || noteRefs.length > 0) problems.push(`${which} has a note but no code; Excerpt imports coded passages only, so it was left out.`);
    return undefined;
  }
  const start = integer(attributeOf(selection, 'startPosition'));
  const end = integer(attributeOf(selection, 'endPosition'));
  if (start === undefined || end === undefined) {
    problems.push(`${which} has no valid start and end positions, so it was left out.`);
    return undefined;
  }
  if (start < 0 || end > length || start >= end) {
    const where = start === end ? 'is empty' : `does not lie within the text, which has ${length} characters`;
    problems.push(`${which} (positions ${start} to ${end}) ${where}, so it was left out.`);
    return undefined;
  }
  const codeKeys = new Set<string>();
  for (const coding of codings) {
    const reference = childElement(coding, 'CodeRef');
    const target = (reference && attributeOf(reference, 'targetGUID')) ?? '';
    const key = references.codeKeys.get(guidKey(target));
    if (key === undefined) problems.push(`${which} carries a code (${target || 'without a GUID'}) that the codebook does not hold; that code was left off it.`);
    else codeKeys.add(key);
  }
  if (codeKeys.size === 0) return undefined;
  const notes = noteRefs.flatMap((reference) => {
    const target = attributeOf(reference, 'targetGUID') ?? '';
    const note = references.notes.get(guidKey(target));
    if (note === undefined) problems.push(`${which} refers to a note (${target}) that could not be read; the note was left off it.`);
    return note === undefined ? [] : [note];
  });
  const note = [description, ...notes].filter((part) => part !== '').join('\n\n');
  return { start: toUtf16Offset(text, start), end: toUtf16Offset(text, end), codeKeys: [...codeKeys], note };
}

/// Where `element` (a source or a note) keeps its text: a part of the archive named by
/// `internal://`, else its PlainTextContent.
function textPlace(element: Element, entries: readonly ArchiveEntry[]): TextPlace {
  const path = attributeOf(element, 'plainTextPath')?.trim();
  const internal = path ? /^internal:\/\/(.+)$/i.exec(path)?.[1] : undefined;
  const entry = internal === undefined ? undefined : findEntry(entries, `sources/${internal}`) ?? findEntry(entries, `sources/${decodePath(internal)}`);
  if (entry) return { entry };
  const content = childElement(element, 'PlainTextContent');
  if (content) return { text: withoutByteOrderMark(content.textContent ?? '') };
  if (path && internal === undefined) return { missing: `its text is kept outside the .qdpx file (${path}), where Excerpt cannot reach it; export the project with its documents inside` };
  if (path) return { missing: `its text file sources/${internal} is missing from the .qdpx file` };
  if (attributeOf(element, 'richTextPath')) return { missing: 'its text is there only as rich text (a Word file), not as the plain text REFI-QDA positions count into' };
  return { missing: 'it has no text' };
}

/// The child elements of `root`'s first child called `name` (none when it has no such child).
function childrenOf(root: Element, name: string): Element[] {
  return Array.from(childElement(root, name)?.children ?? []);
}

function guidOf(element: Element): string {
  return guidKey(attributeOf(element, 'guid') ?? '');
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return withoutByteOrderMark(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

/// The standard's texts have no byte-order mark; a program that writes one still counts
/// positions from the first character after it.
function withoutByteOrderMark(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/// A part name some programs percent-encode in the `internal://` path.
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function integer(value: string | null): number | undefined {
  return value !== null && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : undefined;
}

/// The selection as a problem names it: its name (the quote, for most programs) or its GUID.
function selectionLabel(selection: Element): string {
  const name = shortQuote(attributeOf(selection, 'name') ?? '');
  return name ? `"${name}"` : attributeOf(selection, 'guid') ?? 'without a GUID';
}

function invalid(message: string): ExcerptError {
  return new ExcerptError('invalid-argument', message);
}
