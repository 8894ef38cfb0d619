/// What an export writes: the tagged highlights that pass a filter, each with what a reader
/// needs to cite it and find it again (document, paragraph, quote with its context, offsets),
/// and for the formats that carry a whole project (REFI-QDA) the codebook and the texts of the
/// documents. Offsets count Unicode code points into the document's canonical text (end
/// exclusive), as every file that leaves Excerpt counts them.
import type { ExportFilter } from '../../common/api.ts';
import { codePointOffsets } from '../../common/codepoints.ts';
import type { Tag } from '../../common/types.ts';
import type { DocumentStore } from '../store/documents.ts';
import type { ExcerptStore } from '../store/excerpts.ts';
import type { TagStore } from '../store/tags.ts';
import { paragraphAt, paragraphStarts } from './paragraphs.ts';
import { selectExcerpts } from './selectExcerpts.ts';
import { textsOnce } from './textsOnce.ts';

/// A document as an export names it.
export interface ExcerptDocument {
  id: number;
  title: string;
  source: string | null;
  /// YYYY-MM-DD
  published: string | null;
  url: string | null;
}

/// One row of an export: the quote with its document, tags, context and note.
export interface Excerpt {
  /// The highlight's id in the library.
  id: number;
  document: ExcerptDocument;
  /// Tag names and ids, in the same order.
  tags: string[];
  tagIds: number[];
  /// The exact quote.
  text: string;
  /// Code points into the document's canonical text, end exclusive.
  start: number;
  end: number;
  /// The text just before and after the quote (a W3C TextQuoteSelector's prefix and suffix).
  prefix: string;
  suffix: string;
  note: string;
  /// The paragraph the quote starts in, counted from 1: a block of the canonical text (the
  /// title heading and a date line count, as a reader sees them).
  paragraph: number;
  /// ISO 8601 times the highlight was made and last changed.
  created: string;
  modified: string;
}

/// A document with its canonical text, for the formats that carry the texts.
export interface ExportedDocument extends ExcerptDocument {
  text: string;
}

/// Everything one export reads, in one consistent snapshot.
export interface ExportSnapshot {
  /// The library's UUID (migration 0005): it makes the ids an export gives its items unique
  /// across libraries.
  libraryId: string;
  /// In document, then reading order.
  excerpts: Excerpt[];
  /// The whole codebook, each tag after its parent, siblings in their order.
  codebook: Tag[];
  /// The documents the excerpts stand in (and those the filter names), by id.
  documents: ExportedDocument[];
}

/// The stores an export reads.
export interface ExcerptSources {
  libraryId: string;
  documents: DocumentStore;
  tags: TagStore;
  excerpts: ExcerptStore;
}

/// A document as the snapshot reads it once for all its excerpts: its citation, shared by them,
/// and what places a quote in its text.
interface ReadDocument {
  cited: ExcerptDocument;
  text: string;
  paragraphStarts: number[];
  codePoints: (utf16: number) => number;
}

/// The excerpts that pass `filter` (selectExcerpts.ts), with the codebook and the documents' texts.
export function readExportSnapshot(sources: ExcerptSources, filter: ExportFilter): ExportSnapshot {
  const textOf = textsOnce(sources.documents);
  const documents = new Map<number, ReadDocument>();
  const documentOf = (cited: ExcerptDocument) => {
    let document = documents.get(cited.id);
    if (!document) {
      const text = textOf(cited.id);
      document = { cited, text, paragraphStarts: paragraphStarts(text), codePoints: codePointOffsets(text) };
      documents.set(cited.id, document);
    }
    return document;
  };
  const codebook = codebookOrder(sources.tags.list());
  const tagNames = new Map(codebook.map((tag) => [tag.id, tag.name]));
  const excerpts = selectExcerpts(sources, filter, textOf).map((row): Excerpt => {
    const { cited, text, paragraphStarts, codePoints } = documentOf(row.document);
    const tagIds = JSON.parse(row.tagIds) as number[];
    return {
      id: row.annotationId,
      document: cited,
      tags: tagIds.map((id) => tagNames.get(id)!),
      tagIds,
      text: text.slice(row.start, row.end),
      start: codePoints(row.start),
      end: codePoints(row.end),
      prefix: row.prefix,
      suffix: row.suffix,
      note: row.note,
      paragraph: paragraphAt(paragraphStarts, row.start),
      created: row.createdAt,
      modified: row.updatedAt,
    };
  });
  for (const id of filter.documentIds ?? []) {
    const described = sources.documents.describe(id);
    if (described) documentOf({ id, title: described.title, source: described.source, published: described.published, url: described.sourceUrl });
  }
  return {
    libraryId: sources.libraryId,
    excerpts,
    codebook,
    documents: [...documents.values()].sort((a, b) => a.cited.id - b.cited.id).map(({ cited, text }) => ({ ...cited, text })),
  };
}

/// The tags with every parent before its children, siblings by position.
function codebookOrder(tags: readonly Tag[]): Tag[] {
  const children = new Map<number | null, Tag[]>();
  for (const tag of tags) children.set(tag.parentId, [...(children.get(tag.parentId) ?? []), tag]);
  const ordered: Tag[] = [];
  const visit = (parentId: number | null) => {
    for (const tag of (children.get(parentId) ?? []).sort((a, b) => a.position - b.position || a.id - b.id)) {
      ordered.push(tag);
      visit(tag.id);
    }
  };
  visit(null);
  return ordered;
}
