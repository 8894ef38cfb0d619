/// Chooses the importer for a file by its extension. One module per format; each returns
/// an ImportedDocument or throws an ExcerptError whose message says why the file was refused.
import { extname } from 'node:path';
import { unreadable, type ImportedDocument, type Importer } from './importedDocument.ts';
import { checkFileSize } from './limits.ts';

// Each importer is loaded when the first file of its kind comes: together their parsers
// (mammoth, linkedom, markdown-it, postal-mime…) take about a second to load, which a start
// of the app or a command that imports nothing should not wait for.
const plainText = once(async () => (await import('./plainText.ts')).readPlainText);
const markdown = once(async () => (await import('./markdown.ts')).readMarkdown);
const html = once(async () => (await import('./html.ts')).readHtml);

const importers: Record<string, () => Promise<Importer>> = {
  '.txt': plainText,
  '.text': plainText,
  '.md': markdown,
  '.markdown': markdown,
  '.html': html,
  '.htm': html,
  '.xhtml': html,
  '.eml': once(async () => (await import('./eml.ts')).readEml),
  '.docx': once(async () => (await import('./docx.ts')).readDocx),
  '.pdf': once(async () => (await import('./pdf.ts')).readPdf),
};

/// `load`, run the first time only: a module asked for again still goes through the module
/// loader (under tsx, a message to its thread), a quarter of a millisecond a file.
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

/// The extensions Excerpt imports, for file pickers and messages.
export const importableExtensions = Object.keys(importers);

/// The document in a file, read by the importer for its extension. `name` only chooses the
/// importer and appears in messages: it is never used as a path.
export async function readDocumentFile(name: string, bytes: Uint8Array): Promise<ImportedDocument> {
  const extension = extname(name).toLowerCase();
  const loadImporter = importers[extension];
  if (!loadImporter) {
    const kind = extension ? `"${extension}" files` : 'files without an extension';
    throw unreadable(`Excerpt cannot import ${kind}; it reads ${importableExtensions.join(', ')} files.`);
  }
  // Limits first: a file too large is refused before any parser sees it.
  checkFileSize(bytes.length);
  if (bytes.length === 0) throw unreadable('it is empty (0 bytes), so there is nothing to import.');
  const importer = await loadImporter();
  return importer(bytes, name);
}
