/// The brief as one standalone HTML5 page to open in a browser, print or mail: a section per
/// tag, one per document inside it, each excerpt a blockquote with its citation and note.
/// Every text from the library is escaped, so none of it can become markup, and the page's
/// policy forbids scripts and outside resources besides.
import { briefOf, briefSummary, BRIEF_TITLE, citation, documentHeading, paragraphsOf, type BriefDocument } from './brief.ts';
import type { Excerpt, ExportSnapshot } from './excerpts.ts';
import { xmlCharacters } from './xmlCharacters.ts';

const STYLESHEET = `
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1 { margin-bottom: 0.25rem; }
h2 { margin-top: 2.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid #d0d7de; }
h3 { margin-top: 1.75rem; font-size: 1.05rem; }
figure { margin: 1rem 0 0.5rem; }
blockquote { margin: 0; padding: 0.1rem 1rem; border-left: 4px solid #8c959f; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; }
figcaption, .summary { color: #59636e; font-size: 0.9rem; overflow-wrap: anywhere; }
figcaption { margin-top: 0.35rem; }
.note { margin: 0.25rem 0 1.25rem; padding: 0.1rem 0.75rem; background: #f6f8fa; border-radius: 4px; font-size: 0.95rem; }
.note p { margin: 0.35rem 0; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } figure { break-inside: avoid; } }
`;

/// The whole HTML file; `exportedAt` is shown as given.
export function snapshotToHtml(snapshot: ExportSnapshot, exportedAt: string): string {
  const brief = briefOf(snapshot);
  const sections = brief.tags.map(({ path, documents }) => `<section>\n<h2>${escapeHtml(path)}</h2>\n${documents.map(documentSection).join('\n')}\n</section>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // No script, no fetch, no frame: the page shows text and its own stylesheet, nothing more.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(BRIEF_TITLE)}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(BRIEF_TITLE)}</h1>`,
    `<p class="summary">${escapeHtml(briefSummary(brief, exportedAt))}</p>`,
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/// `text` with the five characters that could open markup or end an attribute written as
/// references, and without the control characters, lone surrogates and noncharacters that XML
/// forbids: HTML forbids them too (a browser drops a NUL, shows others as boxes).
export function escapeHtml(text: string): string {
  return xmlCharacters(text).replace(/[&<>"']/g, (char) => HTML_REFERENCES[char]!);
}

const HTML_REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function documentSection({ document, excerpts }: BriefDocument): string {
  return `<section>\n<h3>${escapeHtml(documentHeading(document))}</h3>\n${excerpts.map(excerptHtml).join('\n')}\n</section>`;
}

function excerptHtml(excerpt: Excerpt): string {
  const cite = excerpt.document.url ? ` cite="${escapeHtml(excerpt.document.url)}"` : '';
  const figure = [
    '<figure>',
    `<blockquote${cite}>\n${paragraphsHtml(excerpt.text)}\n</blockquote>`,
    `<figcaption>— ${escapeHtml(citation(excerpt))}</figcaption>`,
    '</figure>',
  ].join('\n');
  return excerpt.note.trim() ? `${figure}\n<div class="note">${paragraphsHtml(excerpt.note, '<strong>Note:</strong> ')}</div>` : figure;
}

// `lead`, markup of our own, opens the first paragraph.
function paragraphsHtml(text: string, lead = ''): string {
  return paragraphsOf(text).map((lines, i) => `<p>${i === 0 ? lead : ''}${lines.map(escapeHtml).join('<br>')}</p>`).join('\n');
}
