/// The excerpts an export writes: tagged highlights with their document, offsets counted
/// in Unicode code points into the document's canonical text (end exclusive), as every
/// file that leaves Excerpt counts them.
import type { ExportFilter } from '../../common/api.ts';
import { toCodePointOffset } from '../../common/codepoints.ts';
import { ExcerptError } from '../../common/errors.ts';
import type { DocumentStore } from '../store/documents.ts';
import type { ExcerptStore } from '../store/excerpts.ts';
import type { TagStore } from '../store/tags.ts';

/// One row of an export: the quote with its document, tags, context and note.
export interface Excerpt {
  document: { id: number; title: string; source: string | null; published: string | null; url: string | null };
  tags: string[];
  /// The exact quote.
  text: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  note: string;
}

/// The stores an export reads.
export interface ExcerptSources {
  documents: DocumentStore;
  tags: TagStore;
  excerpts: ExcerptStore;
}

/// The tagged highlights that pass `filter`: any of its tag names (ignoring case, under any
/// parent), within its documents; in document then reading order.
export function readExcerpts(sources: ExcerptSources, filter: ExportFilter): Excerpt[] {
  const tagIds = filter.tags?.length ? filter.tags.flatMap((name, i) => tagIdsNamed(sources.tags, name, i)) : null;
  const documentIds = filter.documentIds?.length ? filter.documentIds : null;
  const texts = new Map<number, string>();
  return sources.excerpts.tagged({ tagIds, documentIds }).map((row) => {
    let text = texts.get(row.documentId);
    if (text === undefined) {
      text = sources.documents.text(row.documentId)!;
      texts.set(row.documentId, text);
    }
    return {
      document: { id: row.documentId, title: row.title, source: row.source, published: row.published, url: row.url },
      tags: JSON.parse(row.tags) as string[],
      text: text.slice(row.start, row.end),
      start: toCodePointOffset(text, row.start),
      end: toCodePointOffset(text, row.end),
      prefix: row.prefix,
      suffix: row.suffix,
      note: row.note,
    };
  });
}

function tagIdsNamed(tags: TagStore, name: string, index: number): number[] {
  const ids = tags.idsNamed(name);
  if (ids.length === 0) {
    throw new ExcerptError('not-found', `There is no tag called "${name}" in the codebook. Check its spelling against the list of tags.`, `filter.tags.${index}`);
  }
  return ids;
}
