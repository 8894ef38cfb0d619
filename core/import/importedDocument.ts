/// What every importer returns: a document in the app's schema with what it could tell
/// about itself. The library derives the canonical text from `doc`, never from the file.
import type { Node } from 'prosemirror-model';
import { ExcerptError } from '../../common/errors.ts';

/// A document read from a file, not yet stored.
export interface ImportedDocument {
  title: string;
  /// ISO date (YYYY-MM-DD) the document states near its top, if any.
  published: string | null;
  /// Issuer or outlet (a site name, a mail sender), when the file names one.
  source?: string;
  /// The page's canonical address, when the file gives one.
  sourceUrl?: string;
  /// BCP 47 language tag the file declares, if any.
  language?: string;
  doc: Node;
}

/// Reads one format. Bytes are the whole file; `name` is only for messages.
export type Importer = (bytes: Uint8Array, name: string) => ImportedDocument | Promise<ImportedDocument>;

/// Longest title kept; a first "line" that is a whole paragraph is cut at a word.
export const TITLE_LENGTH = 200;

/// A title from a line of the document: whitespace collapsed, long ones shortened with "…".
export function titleFrom(line: string): string {
  const title = line.replace(/\s+/g, ' ').trim();
  if (title.length <= TITLE_LENGTH) return title;
  const cut = title.lastIndexOf(' ', TITLE_LENGTH - 1);
  return `${title.slice(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH - 1)}…`;
}

/// The error for a file Excerpt cannot turn into a document; its message finishes the
/// sentence "<file name> was not imported: ...".
export function unreadable(reason: string): ExcerptError {
  return new ExcerptError('unsupported', reason);
}
