/// The contract: every method the renderer, the CLI and the hosts may call, with the zod
/// schema of its arguments. `core/service.ts` is its only implementation; everything else
/// reaches it through `createApiClient` (client.ts) or calls the service object directly.
import { z } from 'zod';
import { exportFormatIds } from './exportFormats.ts';
import type {
  Annotation, DocumentEditsSaved, DocumentSource, DocumentSummary, DocumentWithText, ExchangeImported, ExportedFile, FoundExcerpts, ImportResult, LibraryBackup, LibraryBackups, LibraryDocument,
  LibraryRestored, OpenedDocument, ReviewItem, ReviewSummary, SavedQuery, SearchHit, Tag, TagMerged, TagUse,
} from './types.ts';
import { RESERVED_KEYS } from './reservedKeys.ts';

const id = z.number().int().positive();
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb, for example #d9480f');
const tagName = z.string().trim().min(1, 'a tag needs a name').max(200);
const shortcut = z.string().regex(/^[0-9a-z]$/, 'a shortcut is one digit or lower-case letter')
  .refine((key) => !Object.hasOwn(RESERVED_KEYS, key), {
    error: (issue) => `the key "${String(issue.input)}" ${RESERVED_KEYS[String(issue.input)]}; choose a digit or another letter`,
  })
  .nullable();
/// File bytes travel as base64 so every transport carries plain JSON.
const isoDate = z.iso.date({ error: 'a date is written YYYY-MM-DD, for example 2021-11-19' });
/// ProseMirror JSON of a whole document; the service checks it against the schema.
const docJson = z.object({ type: z.literal('doc'), content: z.array(z.unknown()).max(1_000_000).optional() }).loose();
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'file bytes must be base64');

/// Which excerpts (tagged highlights on their text) a query, an export or a saved query takes.
/// Every condition given narrows the result. Tags are named (ignoring case, at any level of
/// the codebook), and a tag stands for itself and its sub-tags unless `withoutSubtags`.
export const exportFilter = z.object({
  /// An excerpt carries any of these tags (all of them, with `allTags`). Empty or absent: any tag.
  tags: z.array(tagName).max(100).optional(),
  allTags: z.boolean().optional(),
  /// An excerpt carries none of these.
  notTags: z.array(tagName).max(100).optional(),
  withoutSubtags: z.boolean().optional(),
  /// An excerpt shares its text with a highlight of this tag: they overlap, or they stand in a
  /// common paragraph.
  cooccurs: z.object({ tag: tagName, within: z.enum(['overlap', 'paragraph']) }).optional(),
  /// Words the excerpt's text holds (ignoring case and accents).
  search: z.string().trim().max(500).optional(),
  /// Documents published within from..to (inclusive), from exactly this source, or these.
  from: isoDate.optional(),
  to: isoDate.optional(),
  source: z.string().max(1000).optional(),
  documentIds: z.array(id).optional(),
}).refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
  message: 'the end date comes before the start date; choose a "to" date on or after the "from" date',
  path: ['to'],
});
export type ExportFilter = z.infer<typeof exportFilter>;

export const methodArgs = {
  /// Every filter given narrows the list: documents with a placed highlight carrying the tag or
  /// one of its sub-tags, published within from..to (inclusive), from exactly this source, and
  /// (toReview) with at least one highlight in their review list.
  listDocuments: z.object({
    tagId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    source: z.string().max(1000).optional(),
    toReview: z.boolean().optional(),
  }).refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: 'the end date comes before the start date; choose a "to" date on or after the "from" date',
    path: ['to'],
  }),
  listSources: z.object({}),
  getDocument: z.object({ id }),
  openDocument: z.object({ id }),
  searchDocuments: z.object({ query: z.string().trim().min(1, 'type something to search for').max(500), limit: z.number().int().min(1).max(500).optional() }),

  updateDocument: z.object({
    id,
    title: z.string().trim().min(1, 'a document needs a title').max(1000).optional(),
    published: isoDate.nullable().optional(),
    source: z.string().trim().max(1000).nullable().optional(),
    sourceUrl: z.url({ protocol: /^https?$/, error: 'a source URL starts with http:// or https://' }).max(4000).nullable().optional(),
  }),

  listTags: z.object({}),
  createTag: z.object({
    name: tagName,
    parentId: id.nullable().optional(),
    color: color.optional(),
    description: z.string().max(10_000).optional(),
    whenToUse: z.string().max(10_000).optional(),
    whenNotToUse: z.string().max(10_000).optional(),
    example: z.string().max(10_000).optional(),
    shortcut: shortcut.optional(),
  }),
  updateTag: z.object({
    id,
    name: tagName.optional(),
    parentId: id.nullable().optional(),
    color: color.optional(),
    description: z.string().max(10_000).optional(),
    whenToUse: z.string().max(10_000).optional(),
    whenNotToUse: z.string().max(10_000).optional(),
    example: z.string().max(10_000).optional(),
    shortcut: shortcut.optional(),
    position: z.number().int().min(0).optional(),
  }),
  deleteTag: z.object({ id }),
  /// How many placed highlights carry each tag, in one document (when given) and in the library.
  countTagUses: z.object({ documentId: id.optional() }),
  /// `from`'s highlights take `into` instead, `from`'s sub-tags move under `into`, `from` goes.
  mergeTags: z.object({ fromId: id, intoId: id }).refine((m) => m.fromId !== m.intoId, {
    message: 'a tag cannot be merged into itself; choose another tag to merge into',
    path: ['intoId'],
  }),

  listAnnotations: z.object({ documentId: id }),
  createAnnotation: z.object({
    documentId: id,
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    tagIds: z.array(id).max(100).default([]),
    note: z.string().max(100_000).default(''),
    /// What the caller believes the range covers; refused when the stored text differs.
    exact: z.string().optional(),
  }).refine((a) => a.end > a.start, { message: 'a highlight must cover at least one character (end > start)', path: ['end'] }),
  updateAnnotation: z.object({
    id,
    tagIds: z.array(id).max(100).optional(),
    note: z.string().max(100_000).optional(),
  }),
  deleteAnnotation: z.object({ id }),
  /// Highlights waiting for the analyst, of one document or (without documentId) the library.
  listReviewItems: z.object({ documentId: id.optional() }),
  discardReviewItem: z.object({ id }),
  /// How many highlights wait in review lists across the library, and in how many documents.
  reviewSummary: z.object({}),
  /// What an editing session changed in one document, saved in one transaction: the new text
  /// (when it changed), highlights created, changed, moved by the edit or re-attached from the
  /// review list (`id` given), highlights the analyst removed, and highlights whose whole text
  /// the edit deleted (to the review list, reason 'deleted'). Offsets count into the new text.
  saveDocumentEdits: z.object({
    documentId: id,
    /// contentHash of the text the edits were made on; refused when the stored text differs.
    baseHash: z.string().min(1).max(200),
    doc: docJson.optional(),
    highlights: z.array(z.object({
      /// The editor's name for the highlight, returned with its id so new ones can be matched.
      key: z.string().min(1).max(100),
      id: id.optional(),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      tagIds: z.array(id).max(100),
      note: z.string().max(100_000),
    }).refine((h) => h.end > h.start, { message: 'a highlight must cover at least one character (end > start)', path: ['end'] }))
      .max(100_000).default([]),
    removed: z.array(id).max(100_000).default([]),
    toReview: z.array(id).max(100_000).default([]),
  }),

  importFiles: z.object({
    files: z.array(z.object({ name: z.string().min(1).max(1000), bytes: base64 })).min(1, 'choose at least one file').max(10_000),
  }),
  /// The excerpts a query finds across the library, newest documents first, a page at a time:
  /// each with its context, tags, note and where it stands.
  findExcerpts: z.object({
    filter: exportFilter.default({}),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  /// Saved excerpt queries: listed with how many excerpts each finds now.
  listSavedQueries: z.object({}),
  /// Saves a query under a name, replacing one of the same name (ignoring case).
  saveQuery: z.object({ name: z.string().trim().min(1, 'a saved query needs a name').max(200), filter: exportFilter }),
  deleteSavedQuery: z.object({ id }),
  /// A REFI-QDA project (.qdpx) or codebook (.qdc), or W3C Web Annotations (.jsonld, .json).
  importExchange: z.object({ name: z.string().min(1).max(1000), bytes: base64 }),
  exportExcerpts: z.object({
    filter: exportFilter.default({}),
    format: z.enum(exportFormatIds),
  }),
  listBackups: z.object({}),
  /// A checked copy of the library now, in the backups folder (the hosts' schedule says 'scheduled').
  backUpNow: z.object({ reason: z.enum(['manual', 'scheduled']).default('manual') }),
  /// Replaces the library with a backup: `file` is a name listBackups gave, or the full path of
  /// a library file (the command line's). The library as it was is kept as a backup first.
  restoreBackup: z.object({ file: z.string().trim().min(1, 'say which backup to restore').max(4096) }),
} as const;

export type MethodName = keyof typeof methodArgs;
export const methodNames = Object.keys(methodArgs) as MethodName[];
/// What a caller may pass (defaults not yet applied).
export type ArgsIn<M extends MethodName> = z.input<(typeof methodArgs)[M]>;
/// What the implementation receives after parsing.
export type Args<M extends MethodName> = z.output<(typeof methodArgs)[M]>;

export interface ExcerptApi {
  listDocuments(args: ArgsIn<'listDocuments'>): Promise<DocumentSummary[]>;
  /// The sources the library's documents name, the most documents first.
  listSources(args: ArgsIn<'listSources'>): Promise<DocumentSource[]>;
  getDocument(args: ArgsIn<'getDocument'>): Promise<DocumentWithText>;
  /// A document with its highlights and review list, as the editor opens it.
  openDocument(args: ArgsIn<'openDocument'>): Promise<OpenedDocument>;
  searchDocuments(args: ArgsIn<'searchDocuments'>): Promise<SearchHit[]>;
  /// Corrects a document's title, date, source or URL; its text and highlights are untouched.
  updateDocument(args: ArgsIn<'updateDocument'>): Promise<LibraryDocument>;

  listTags(args: ArgsIn<'listTags'>): Promise<Tag[]>;
  createTag(args: ArgsIn<'createTag'>): Promise<Tag>;
  updateTag(args: ArgsIn<'updateTag'>): Promise<Tag>;
  deleteTag(args: ArgsIn<'deleteTag'>): Promise<{ id: number; annotationsAffected: number }>;
  countTagUses(args: ArgsIn<'countTagUses'>): Promise<TagUse[]>;
  mergeTags(args: ArgsIn<'mergeTags'>): Promise<TagMerged>;

  listAnnotations(args: ArgsIn<'listAnnotations'>): Promise<Annotation[]>;
  createAnnotation(args: ArgsIn<'createAnnotation'>): Promise<Annotation>;
  updateAnnotation(args: ArgsIn<'updateAnnotation'>): Promise<Annotation>;
  deleteAnnotation(args: ArgsIn<'deleteAnnotation'>): Promise<{ id: number }>;
  listReviewItems(args: ArgsIn<'listReviewItems'>): Promise<ReviewItem[]>;
  discardReviewItem(args: ArgsIn<'discardReviewItem'>): Promise<{ id: number }>;
  reviewSummary(args: ArgsIn<'reviewSummary'>): Promise<ReviewSummary>;
  saveDocumentEdits(args: ArgsIn<'saveDocumentEdits'>): Promise<DocumentEditsSaved>;

  importFiles(args: ArgsIn<'importFiles'>): Promise<ImportResult>;
  findExcerpts(args: ArgsIn<'findExcerpts'>): Promise<FoundExcerpts>;
  listSavedQueries(args: ArgsIn<'listSavedQueries'>): Promise<SavedQuery[]>;
  saveQuery(args: ArgsIn<'saveQuery'>): Promise<SavedQuery>;
  deleteSavedQuery(args: ArgsIn<'deleteSavedQuery'>): Promise<{ id: number }>;
  importExchange(args: ArgsIn<'importExchange'>): Promise<ExchangeImported>;
  exportExcerpts(args: ArgsIn<'exportExcerpts'>): Promise<ExportedFile>;
  listBackups(args: ArgsIn<'listBackups'>): Promise<LibraryBackups>;
  backUpNow(args: ArgsIn<'backUpNow'>): Promise<LibraryBackup>;
  restoreBackup(args: ArgsIn<'restoreBackup'>): Promise<LibraryRestored>;
}

export type Result<M extends MethodName> = Awaited<ReturnType<ExcerptApi[M]>>;

// The interface and the schema table must name the same methods; this fails to compile otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const contractIsComplete: Same<keyof ExcerptApi, MethodName> = true;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methodArgs, name);
}
