/// Chooses the importer for a file by its extension. One module per format; each returns
/// an ImportedDocument or throws an ExcerptError whose message says why the file was refused.
import { extname } from 'node:path';
import { readMarkdown } from './markdown.ts';
import { readPlainText } from './plainText.ts';
import { unreadable, type ImportedDocument } from './importedDocument.ts';

const importers: Record<string, (bytes: Uint8Array) => ImportedDocument> = {
  '.txt': readPlainText,
  '.text': readPlainText,
  '.md': readMarkdown,
  '.markdown': readMarkdown,
};

/// The extensions Excerpt imports, for file pickers and messages.
export const importableExtensions = Object.keys(importers);

/// The document in a file, read by the importer for its extension.
export function readDocumentFile(name: string, bytes: Uint8Array): ImportedDocument {
  const extension = extname(name).toLowerCase();
  const importer = importers[extension];
  if (!importer) {
    const kind = extension ? `"${extension}" files` : 'files without an extension';
    throw unreadable(`Excerpt cannot import ${kind} yet; for now it reads plain text (.txt) and Markdown (.md).`);
  }
  return importer(bytes);
}
