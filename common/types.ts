/// The domain as every process sees it: plain JSON, offsets in UTF-16 code units into
/// a document's canonical text (see text.ts). Code points appear only at the edges (exports).
import type { ExportFilter } from './api.ts';

/// ProseMirror JSON of a document in the app's schema (schema.ts).
export interface DocJson {
  type: 'doc';
  content?: unknown[];
}

export interface DocumentSummary {
  id: number;
  title: string;
  source: string | null;
  /// ISO date (YYYY-MM-DD) of publication, when the document states one.
  published: string | null;
  importedAt: string;
  annotationCount: number;
  /// Highlights of this document waiting for the analyst in its review list.
  reviewCount: number;
}

/// A source the library's documents name, with how many documents name it.
export interface DocumentSource {
  source: string;
  count: number;
}

/// A document as the editor shows it: its details and its structured text. The canonical
/// plain text (DocumentWithText) is left out: the editor derives offsets from `doc`, and a
/// second copy of a long text would double what every opening and save carries.
export interface LibraryDocument {
  id: number;
  title: string;
  source: string | null;
  sourceUrl: string | null;
  published: string | null;
  language: string | null;
  importedAt: string;
  contentHash: string;
  doc: DocJson;
}

export interface DocumentWithText extends LibraryDocument {
  /// The canonical plain text every annotation offset counts into.
  text: string;
}

/// A document opened for coding: read in one transaction, so its text, highlights and review
/// list agree.
export interface OpenedDocument {
  document: LibraryDocument;
  annotations: TextHighlight[];
  reviewItems: ReviewItem[];
}

export interface SearchHit {
  id: number;
  title: string;
  source: string | null;
  published: string | null;
  /// A short passage around the match, split into plain-text parts; `match` marks the hits.
  snippet: { text: string; match: boolean }[];
}

/// One code of the codebook.
export interface Tag {
  id: number;
  name: string;
  parentId: number | null;
  /// `#rrggbb`
  color: string;
  /// The codebook entry: what the code means, when to apply it, when not to, and an example.
  description: string;
  whenToUse: string;
  whenNotToUse: string;
  example: string;
  /// One key (a digit or letter) that applies the tag to the selection.
  shortcut: string | null;
  /// Order among siblings.
  position: number;
}

/// How much a tag is used: placed highlights carrying it (not counting its sub-tags) in one
/// document and in the library, and `inLibraryWithSubtags`, the distinct highlights carrying it
/// or any sub-tag (what deleting it touches, and what filtering the library by it finds).
export interface TagUse {
  tagId: number;
  inDocument: number;
  inLibrary: number;
  inLibraryWithSubtags: number;
}

export interface TagMerged {
  /// The tag merged into, as it now is.
  tag: Tag;
  /// Highlights that carried the merged tag (they carry `tag` now).
  annotationsMoved: number;
}

/// A highlight standing on its document's text, as the editor needs it: where it stands (UTF-16
/// offsets into the canonical text, end exclusive), its tags and its note. Nothing more: its
/// quote is the text there (editor/ranges.ts quoteAt), and a document with thousands of
/// highlights opens sooner for every byte each one does not carry.
export interface TextHighlight {
  id: number;
  start: number;
  end: number;
  note: string;
  tagIds: number[];
}

/// A highlight: a stand-off range of a document's text with its quote and context (a W3C
/// TextQuoteSelector) so it can be found again if the text changes, and its history.
export interface Annotation extends TextHighlight {
  documentId: number;
  exact: string;
  prefix: string;
  suffix: string;
  createdAt: string;
  updatedAt: string;
}

/// Why a highlight waits in a document's review list instead of on its text.
export type ReviewReason =
  | 'revision' // the document was re-issued and the highlight could not be placed with confidence
  | 'deleted'; // the text it covered was deleted in an edit

/// A highlight that needs the analyst: its old quote and context, tags and note are kept;
/// `start`/`end` are where it stood in the text it was made on.
export interface ReviewItem extends Annotation {
  reason: ReviewReason;
}

/// How much waits in the library's review lists: highlights in review, and the documents holding them.
export interface ReviewSummary {
  items: number;
  documents: number;
}

/// The document after an editing session was saved, with its highlights and review list as
/// stored now, and the id each highlight sent by key was saved under.
export interface DocumentEditsSaved {
  document: LibraryDocument;
  annotations: TextHighlight[];
  reviewItems: ReviewItem[];
  saved: { key: string; id: number }[];
}

export interface ImportResult {
  imported: { name: string; id: number; title: string }[];
  /// Files whose content is already in the library (as a document or one of its earlier revisions).
  duplicates: { name: string; id: number; title: string }[];
  /// Files recognised as a new revision of a document already in the library (same source
  /// URL, or same title and date, different text): the document now holds the new text;
  /// `carried` highlights were placed on it, `toReview` went to its review list.
  revised: { name: string; id: number; title: string; carried: number; toReview: number }[];
  failed: { name: string; reason: string }[];
}

/// An excerpt query the analyst named, with how many excerpts it finds in the library now;
/// `problem` says why it finds none when the codebook no longer has a tag it names.
/// One excerpt a query found, as the excerpts view lists it.
export interface FoundExcerpt {
  /// The highlight's id.
  id: number;
  documentId: number;
  title: string;
  source: string | null;
  /// YYYY-MM-DD
  published: string | null;
  /// UTF-16 offsets into the document's canonical text, end exclusive.
  start: number;
  end: number;
  /// The quote, with some of the text around it (cut at a word, within its paragraph).
  before: string;
  text: string;
  after: string;
  /// Counted from 1, as a citation counts them.
  paragraph: number;
  tagIds: number[];
  note: string;
}

/// A page of what a query found, and how many it finds in all.
export interface FoundExcerpts {
  total: number;
  excerpts: FoundExcerpt[];
}

export interface SavedQuery {
  id: number;
  name: string;
  filter: ExportFilter;
  savedAt: string;
  count: number;
  problem: string | null;
}

/// What importExchange added: documents imported or found already in the library, tags created
/// or met in the codebook, highlights placed or found already there, and a sentence for each
/// part of the file that was left out.
export interface ExchangeImported {
  documentsImported: number;
  documentsFound: number;
  tagsCreated: number;
  tagsFound: number;
  highlightsPlaced: number;
  highlightsAlreadyThere: number;
  problems: string[];
}

/// An export, ready to be saved under `filename`.
export interface ExportedFile {
  filename: string;
  mimeType: string;
  /// The file: its text (`utf8`), or its bytes in base64 for the binary formats (spreadsheets,
  /// Word documents, zipped projects).
  content: string;
  encoding: 'utf8' | 'base64';
}

/// Why a backup of the library was taken: on the hosts' schedule (and at their start), when the
/// analyst asked, or by Excerpt just before it replaced the library (a restore) or upgraded its format.
export const backupReasons = ['scheduled', 'manual', 'before-restore', 'before-upgrade'] as const;
export type BackupReason = (typeof backupReasons)[number];

/// One backup of the library: a whole, checked copy in the backups folder beside it.
export interface LibraryBackup {
  /// Its name in the backups folder, as restoreBackup takes it.
  file: string;
  path: string;
  /// When it was taken (ISO, to the second).
  takenAt: string;
  /// Bytes.
  size: number;
  reason: BackupReason;
}

/// The library's backups, newest first, and the folder they are in.
export interface LibraryBackups {
  folder: string;
  backups: LibraryBackup[];
}

/// What restoreBackup did: the library now holds `restoredFrom`; what it held before is `safetyCopy`.
export interface LibraryRestored {
  restoredFrom: string;
  safetyCopy: LibraryBackup;
}

/// What the service tells its hosts without being asked.
export interface ExcerptEvents {
  libraryChanged: { reason: 'import' | 'delete' | 'update' | 'restore' };
  importProgress: { done: number; total: number; current: string };
}
export type ExcerptEventName = keyof ExcerptEvents;
export const eventNames: readonly ExcerptEventName[] = ['libraryChanged', 'importProgress'];
