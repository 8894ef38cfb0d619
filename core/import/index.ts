/// Chooses the importer for a file by its extension. One module per format; each returns
/// an ImportedDocument or throws an ExcerptError whose message says why the file was refused.
import { extname } from 'node:path';
import { readDocx } from './docx.ts';
import { readEml } from './eml.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown.ts';
import { readPdf } from './pdf.ts';
import { readPlainText } from './plainText.ts';
import { unreadable, type ImportedDocument, type Importer } from './importedDocument.ts';
import { checkFileSize } from './limits.ts';

const importers: Record<string, Importer> = {
  '.txt': readPlainText,
  '.text': readPlainText,
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.html': readHtml,
  '.htm': readHtml,
  '.xhtml': readHtml,
  '.eml': readEml,
  '.docx': readDocx,
  '.pdf': readPdf,
};

/// The extensions Excerpt imports, for file pickers and messages.
export const importableExtensions = Object.keys(importers);

/// The document in a file, read by the importer for its extension. `name` only chooses the
/// importer and appears in messages: it is never used as a path.
export async function readDocumentFile(name: string, bytes: Uint8Array): Promise<ImportedDocument> {
  const extension = extname(name).toLowerCase();
  const importer = importers[extension];
  if (!importer) {
    const kind = extension ? `"${extension}" files` : 'files without an extension';
    throw unreadable(`Excerpt cannot import ${kind}; it reads ${importableExtensions.join(', ')} files.`);
  }
  // Limits first: a file too large is refused before any parser sees it.
  checkFileSize(bytes.length);
  if (bytes.length === 0) throw unreadable('it is empty (0 bytes), so there is nothing to import.');
  return importer(bytes, name);
}
