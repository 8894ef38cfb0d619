/// The brief: what the exports for people (Markdown, HTML, Word) say, before any of them
/// says it. Excerpts are grouped by tag in codebook order, then by document (oldest first,
/// undated last), each with a citation a reader can follow back to the source.
import type { Tag } from '../../common/types.ts';
import type { Excerpt, ExcerptDocument, ExportSnapshot } from './excerpts.ts';

/// The brief's title, as every format heads it.
export const BRIEF_TITLE = 'Excerpts by tag';
/// Between the names of a tag's ancestors and its own, e.g. "Security › Cybercrime".
export const TAG_PATH_SEPARATOR = ' › ';

/// Everything a brief says, in reading order.
export interface Brief {
  /// One per tag that carries excerpts, in codebook order.
  tags: BriefTag[];
  excerptCount: number;
  documentCount: number;
}

/// A tag's part of the brief.
export interface BriefTag {
  tag: Tag;
  /// "Parent › Child", the tag's heading.
  path: string;
  documents: BriefDocument[];
}

/// The excerpts of one document under one tag, in reading order.
export interface BriefDocument {
  document: ExcerptDocument;
  excerpts: Excerpt[];
}

/// The brief of `snapshot`. An excerpt with several tags stands under each of them.
export function briefOf(snapshot: ExportSnapshot): Brief {
  const paths = tagPaths(snapshot.codebook);
  const tags = snapshot.codebook.flatMap((tag): BriefTag[] => {
    const excerpts = snapshot.excerpts.filter((excerpt) => excerpt.tagIds.includes(tag.id));
    return excerpts.length === 0 ? [] : [{ tag, path: paths.get(tag.id)!, documents: byDocument(excerpts) }];
  });
  return {
    tags,
    excerptCount: snapshot.excerpts.length,
    documentCount: new Set(snapshot.excerpts.map((excerpt) => excerpt.document.id)).size,
  };
}

/// Each tag's path from the top of the codebook, by tag id. `codebook` lists parents before
/// their children, so a parent's path is known when its child is reached.
export function tagPaths(codebook: readonly Tag[]): Map<number, string> {
  const paths = new Map<number, string>();
  for (const tag of codebook) {
    const parent = tag.parentId === null ? undefined : paths.get(tag.parentId);
    paths.set(tag.id, parent === undefined ? tag.name : `${parent}${TAG_PATH_SEPARATOR}${tag.name}`);
  }
  return paths;
}

/// Where an excerpt comes from, in one line: `“Title”, Source, 2021-11-19, para. 4, https://…`,
/// leaving out what the document does not state.
export function citation(excerpt: Excerpt): string {
  const { title, source, published, url } = excerpt.document;
  return [title && `“${title}”`, source, published, `para. ${excerpt.paragraph}`, url].filter(Boolean).join(', ');
}

/// The line under the brief's title: when it was exported and how much it holds.
export function briefSummary(brief: Brief, exportedAt: string): string {
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return `Exported ${exportedAt} · ${count(brief.excerptCount, 'excerpt')} from ${count(brief.documentCount, 'document')}`;
}

/// The paragraphs of a quote or note, each as its lines: a blank line parts paragraphs, a
/// single line break parts lines within one. Space around a line is dropped.
export function paragraphsOf(text: string): string[][] {
  return text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
}

/// A document's heading in the brief: `Title (2021-11-19, Source)`, leaving out what it does not state.
export function documentHeading(document: ExcerptDocument): string {
  const details = [document.published, document.source].filter(Boolean).join(', ');
  return details ? `${document.title} (${details})` : document.title;
}

function byDocument(excerpts: readonly Excerpt[]): BriefDocument[] {
  const documents = new Map<number, BriefDocument>();
  for (const excerpt of excerpts) {
    const group = documents.get(excerpt.document.id);
    if (group) group.excerpts.push(excerpt);
    else documents.set(excerpt.document.id, { document: excerpt.document, excerpts: [excerpt] });
  }
  return [...documents.values()].sort((a, b) => documentOrder(a.document, b.document));
}

// Oldest first, so a tag's excerpts read as the story unfolded; undated documents after the dated ones.
function documentOrder(a: ExcerptDocument, b: ExcerptDocument): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.title.localeCompare(b.title) || a.id - b.id;
}
