/// The title a file's properties state (DOCX core properties, the PDF information
/// dictionary), used only when it reads as a title: programs fill these fields with file
/// names, addresses and placeholders ("Microsoft Word - draft3.docx", "about:blank",
/// "Untitled") far more often than authors fill them in.

const placeholders = /^(?:untitled(?: document)?|title|document ?\d*|doc\d*|presentation ?\d*|new document|press release|slide \d+|microsoft word document)$/i;

/// The stated title with whitespace collapsed, or null when it is empty or a placeholder:
/// a file name, an address, an identifier without spaces, or a program's default.
export function titleFromProperties(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const title = value.replace(/\s+/g, ' ').trim().replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, '');
  if (!/\p{L}/u.test(title) || placeholders.test(title)) return null;
  if (/\.(?:docx?|pdf|rtf|odt|txt|html?|indd|pages|qxp|eml)$/i.test(title)) return null;
  if (!title.includes(' ') && (/^[a-z][\w+.-]*:/i.test(title) || /[_\d]/.test(title))) return null;
  return title;
}
