/// The codebook and the tagged excerpts in REFI-QDA 1.0, the exchange format of qualitative
/// analysis software (ATLAS.ti, MAXQDA, NVivo, QualCoder…): a project (`.qdpx`, a zip of
/// `project.qde` and the documents' texts) and a codebook on its own (`.qdc`). Every item gets a
/// GUID derived from the library's UUID and the item's id in it, so exporting again writes the
/// same GUIDs, and items of two libraries never share one in a tool that merges projects.
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { ExcerptError } from '../../common/errors.ts';
import type { Tag } from '../../common/types.ts';
import type { Excerpt, ExcerptDocument, ExportedDocument, ExportSnapshot } from './excerpts.ts';
import { xmlCharacters } from './xmlCharacters.ts';

const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
/// Who REFI-QDA names as the author of every item: the program, as the library has no users.
const USER_NAME = 'Excerpt';
/// The longest quote, in code points, a selection's name shows before an ellipsis.
const SELECTION_NAME_LENGTH = 80;

/// The documents' details that REFI-QDA carries as variables of each source.
const DOCUMENT_VARIABLES = [
  { name: 'Source', type: 'Text', valueElement: 'TextValue', value: (d: ExcerptDocument) => d.source },
  { name: 'Published', type: 'Date', valueElement: 'DateValue', value: (d: ExcerptDocument) => d.published },
  { name: 'URL', type: 'Text', valueElement: 'TextValue', value: (d: ExcerptDocument) => d.url },
] as const;

/// What a GUID stands for in the library.
export type LibraryItem = 'tag' | 'document' | 'annotation' | 'coding';

/// What every Excerpt project has alike: its one user and the documents' variables, whose GUIDs
/// are therefore the same in every library's export.
type SharedItem = 'user' | 'variable';

/// The `.qdpx` file: `project.qde` with the codebook, the documents as text sources and each
/// excerpt as a coded selection, and each document's canonical text under `sources/`.
/// `exportedAt` (ISO 8601) dates the project and the zip entries.
export function snapshotToQdpx(snapshot: ExportSnapshot, exportedAt: string): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': strToU8(projectXml(snapshot, exportedAt)) };
  for (const document of snapshot.documents) files[`sources/${libraryGuid(snapshot.libraryId, 'document', document.id)}.txt`] = strToU8(document.text);
  return zipSync(files, { mtime: new Date(exportedAt) });
}

/// The `.qdc` file: the codebook, each tag with its sub-tags inside it.
export function codebookToQdc(libraryId: string, codebook: readonly Tag[]): string {
  if (codebook.length === 0) {
    throw new ExcerptError('invalid-argument', 'The codebook has no tags, and a REFI-QDA codebook needs at least one. Add a tag, then export the codebook again.');
  }
  return xmlDocument(element('CodeBook', { xmlns: CODEBOOK_NAMESPACE, origin: USER_NAME }, [element('Codes', {}, codeElements(libraryId, codebook))]));
}

/// The GUID of an item of the library `libraryId`: the same on every export of that library, and
/// another in every other.
export function libraryGuid(libraryId: string, item: LibraryItem, key: number | string): string {
  return nameBasedGuid(`excerpt:${libraryId}:${item}:${key}`);
}

function sharedGuid(item: SharedItem, name: string): string {
  return nameBasedGuid(`excerpt:${item}:${name}`);
}

/// A version-5-style UUID from the SHA-1 of `name`.
function nameBasedGuid(name: string): string {
  const bytes = createHash('sha1').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/// `value` as XML character data: markup characters escaped, carriage returns kept as
/// references (a parser would turn them into line feeds), characters XML 1.0 forbids dropped.
export function xmlText(value: string): string {
  return xmlCharacters(value).replace(/[&<>\r]/g, (c) => CHARACTER_REFERENCES[c]!);
}

/// `value` as an XML attribute value between double quotes: as xmlText, with both quotes escaped
/// and tabs and line breaks as references (a parser would turn them into spaces).
export function xmlAttr(value: string): string {
  return xmlCharacters(value).replace(/[&<>"'\t\n\r]/g, (c) => CHARACTER_REFERENCES[c]!);
}

const CHARACTER_REFERENCES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

function projectXml(snapshot: ExportSnapshot, exportedAt: string): string {
  const user = sharedGuid('user', USER_NAME);
  const guid = (item: LibraryItem, key: number | string) => libraryGuid(snapshot.libraryId, item, key);
  const known = new Set(snapshot.codebook.map((tag) => tag.id));
  const excerptsOf = new Map<number, Excerpt[]>(snapshot.documents.map((document) => [document.id, []]));
  for (const excerpt of snapshot.excerpts) {
    const unknownTag = excerpt.tagIds.find((id) => !known.has(id));
    if (unknownTag !== undefined) throw inconsistent(`highlight ${excerpt.id} carries tag ${unknownTag}, which is not in the codebook`);
    const excerpts = excerptsOf.get(excerpt.document.id);
    if (!excerpts) throw inconsistent(`highlight ${excerpt.id} stands in document ${excerpt.document.id}, whose text is missing`);
    excerpts.push(excerpt);
  }
  const sources = snapshot.documents.map((document) => sourceElement(document, excerptsOf.get(document.id)!, user, guid));
  return xmlDocument(element('Project', {
    xmlns: PROJECT_NAMESPACE, name: `Excerpt export ${exportedAt.slice(0, 10)}`, origin: USER_NAME,
    creatingUserGUID: user, creationDateTime: exportedAt,
  }, [
    element('Users', {}, [element('User', { guid: user, name: USER_NAME })]),
    ...(snapshot.codebook.length ? [element('CodeBook', {}, [element('Codes', {}, codeElements(snapshot.libraryId, snapshot.codebook))])] : []),
    element('Variables', {}, DOCUMENT_VARIABLES.map((v) => element('Variable', { guid: sharedGuid('variable', v.name), name: v.name, typeOfVariable: v.type }))),
    ...(sources.length ? [element('Sources', {}, sources)] : []),
  ]));
}

function inconsistent(problem: string): ExcerptError {
  return new ExcerptError('internal', `The export could not be written: ${problem}. Try the export again; if it keeps failing, report this message.`);
}

/// The codes of `codebook` (each parent before its children), nested as the parents say.
/// A tag whose parent is missing stands at the top, so that no tag is lost.
function codeElements(libraryId: string, codebook: readonly Tag[]): XmlElement[] {
  const ids = new Set(codebook.map((tag) => tag.id));
  const children = new Map<number | null, Tag[]>();
  for (const tag of codebook) {
    const parent = tag.parentId !== null && ids.has(tag.parentId) ? tag.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), tag]);
  }
  const codesUnder = (parent: number | null): XmlElement[] => (children.get(parent) ?? []).map((tag) => {
    const description = codebookEntry(tag);
    return element('Code', {
      guid: libraryGuid(libraryId, 'tag', tag.id), name: tag.name, isCodable: 'true',
      color: /^#[0-9a-f]{6}$/i.test(tag.color) ? tag.color.toUpperCase() : undefined,
    }, [...(description ? [textElement('Description', description)] : []), ...codesUnder(tag.id)]);
  });
  return codesUnder(null);
}

/// The tag's codebook entry as one readable text, its empty parts left out.
function codebookEntry(tag: Tag): string {
  return [
    tag.description.trim(),
    tag.whenToUse.trim() && `When to use: ${tag.whenToUse.trim()}`,
    tag.whenNotToUse.trim() && `When not to use: ${tag.whenNotToUse.trim()}`,
    tag.example.trim() && `Example: ${tag.example.trim()}`,
  ].filter(Boolean).join('\n\n');
}

/// An item's GUID in the library being exported.
type GuidOf = (item: LibraryItem, key: number | string) => string;

function sourceElement(document: ExportedDocument, excerpts: readonly Excerpt[], user: string, guidOf: GuidOf): XmlElement {
  const guid = guidOf('document', document.id);
  const variables = DOCUMENT_VARIABLES.flatMap((v) => {
    const value = v.value(document);
    return value === null ? [] : [element('VariableValue', {}, [
      element('VariableRef', { targetGUID: sharedGuid('variable', v.name) }), textElement(v.valueElement, value),
    ])];
  });
  return element('TextSource', { guid, name: document.title, plainTextPath: `internal://${guid}.txt` }, [
    ...excerpts.map((excerpt) => selectionElement(excerpt, user, guidOf)),
    ...variables,
  ]);
}

function selectionElement(excerpt: Excerpt, user: string, guidOf: GuidOf): XmlElement {
  return element('PlainTextSelection', {
    guid: guidOf('annotation', excerpt.id), name: selectionName(excerpt.text),
    startPosition: excerpt.start, endPosition: excerpt.end,
    creatingUser: user, creationDateTime: excerpt.created, modifyingUser: user, modifiedDateTime: excerpt.modified,
  }, [
    ...(excerpt.note ? [textElement('Description', excerpt.note)] : []),
    ...excerpt.tagIds.map((tagId) => element('Coding', { guid: guidOf('coding', `${excerpt.id}:${tagId}`), creatingUser: user, creationDateTime: excerpt.created }, [
      element('CodeRef', { targetGUID: guidOf('tag', tagId) }),
    ])),
  ]);
}

/// The quote on one line, cut to SELECTION_NAME_LENGTH code points.
function selectionName(quote: string): string {
  const points = Array.from(quote.replace(/\s+/g, ' ').trim());
  return points.length > SELECTION_NAME_LENGTH ? `${points.slice(0, SELECTION_NAME_LENGTH).join('').trimEnd()}…` : points.join('');
}

/// An element with attributes (undefined ones left out) holding either text or elements.
interface XmlElement {
  name: string;
  attributes: Record<string, string | number | undefined>;
  content: string | XmlElement[];
}

function element(name: string, attributes: XmlElement['attributes'], children: XmlElement[] = []): XmlElement {
  return { name, attributes, content: children };
}

function textElement(name: string, text: string): XmlElement {
  return { name, attributes: {}, content: text };
}

function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root, '')}\n`;
}

/// One element per line, children indented; text is written as it is, never indented.
function serialize({ name, attributes, content }: XmlElement, indent: string): string {
  const attrs = Object.entries(attributes).flatMap(([key, value]) => (value === undefined ? [] : [` ${key}="${xmlAttr(String(value))}"`])).join('');
  if (typeof content === 'string') return `${indent}<${name}${attrs}>${xmlText(content)}</${name}>`;
  if (content.length === 0) return `${indent}<${name}${attrs}/>`;
  return [`${indent}<${name}${attrs}>`, ...content.map((child) => serialize(child, `${indent}  `)), `${indent}</${name}>`].join('\n');
}
