/// The brief as Markdown (CommonMark, read literally by GitHub-flavoured renderers too): a
/// section per tag, a subsection per document, each excerpt a blockquote with its citation
/// and note. Every text from the library is escaped, so a quote reads as it was said.
import { briefOf, briefSummary, BRIEF_TITLE, citation, documentHeading, paragraphsOf, type BriefDocument } from './brief.ts';
import type { Excerpt, ExportSnapshot } from './excerpts.ts';
import { xmlCharacters } from './xmlCharacters.ts';

/// The whole Markdown file; `exportedAt` is shown as given.
export function snapshotToMarkdown(snapshot: ExportSnapshot, exportedAt: string): string {
  const brief = briefOf(snapshot);
  const blocks = [`# ${markdownLine(BRIEF_TITLE)}`, markdownBlock(briefSummary(brief, exportedAt))];
  for (const { path, documents } of brief.tags) {
    blocks.push(`## ${markdownLine(path)}`, ...documents.flatMap(documentBlocks));
  }
  return `${blocks.join('\n\n')}\n`;
}

/// `text` as Markdown that renders to the same text: blank lines part paragraphs, a single
/// line break stays one (a backslash hard break), and no character starts any syntax.
export function markdownBlock(text: string): string {
  return paragraphsOf(text).map((lines) => lines.map(markdownLine).join('\\\n')).join('\n\n');
}

function documentBlocks({ document, excerpts }: BriefDocument): string[] {
  return [`### ${markdownLine(documentHeading(document))}`, ...excerpts.flatMap(excerptBlocks)];
}

function excerptBlocks(excerpt: Excerpt): string[] {
  const quote = markdownBlock(excerpt.text).split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
  const blocks = [quote, `— ${markdownBlock(citation(excerpt))}`];
  const note = markdownBlock(excerpt.note);
  if (note) blocks.push(`Note: ${note}`);
  return blocks;
}

// One line of text, whitespace collapsed as a renderer would. Inline syntax (emphasis, code,
// links, raw HTML, entities, strikethrough, table cells, heading closers) is escaped wherever it
// stands; block syntax (list items, setext underlines, ordered lists) only where a line starts.
// Control characters go as in the other formats: a renderer turns a NUL into "�", and tools
// such as git and grep take a file holding one for a binary file.
function markdownLine(text: string): string {
  const escaped = xmlCharacters(text).replace(/[ \t\r\n]+/g, ' ').trim().replace(/[\\`*_[\]<>&~|#]/g, '\\$&');
  return escaped.replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}
