/// `excerpt code DOC_ID --quote TEXT --tag NAME`: highlights the first occurrence of a quote
/// in a document and tags it.
import { ExcerptError } from '../../common/errors.ts';
import type { DocumentWithText, LibraryDocument } from '../../common/types.ts';
import type { ExcerptService } from '../../core/service.ts';
import { CliFailure, readArguments, readId, UsageError, type Invocation } from '../command.ts';
import { findQuote } from '../findQuote.ts';
import { withLibrary } from '../library.ts';
import { tagByName } from '../tagByName.ts';

/// The text of "excerpt code --help".
export const help = `Usage: excerpt [--db PATH] code DOC_ID --quote TEXT --tag NAME [--tag NAME]... [--note TEXT]

Highlights the first place where TEXT occurs in document DOC_ID (see "excerpt docs") and
tags it. Prints the new annotation's id.

  --quote TEXT   the passage, exactly as it appears in the document (spelling, case,
                 punctuation and spacing); paragraphs are separated by a blank line
  --tag NAME     a tag of the codebook (see "excerpt tags"); repeat for several tags.
                 A name matches a tag of that name at any level; "Parent/Child" names a
                 tag by its path. A name that matches no tag becomes a new tag (for a path,
                 under the parents it names, which are created too when missing).
  --note TEXT    a note kept with the highlight

Exit status: 0 tagged, 1 the library refused, 2 the document or the quote was not found
(or the command line is wrong).
`;

/// Runs `excerpt code`; resolves to the exit status.
export async function run(invocation: Invocation): Promise<number> {
  const parsed = readArguments('code', { help }, invocation, {
    quote: { type: 'string' },
    tag: { type: 'string', multiple: true },
    note: { type: 'string' },
  });
  if (!parsed) return 0;
  const [rawId, ...extra] = parsed.positionals;
  const documentId = readId('code', 'DOC_ID', rawId);
  if (extra.length > 0) throw new UsageError(`unexpected "${extra[0]}" (put a quote with spaces in quotation marks: --quote "...").`, 'code');
  const { quote, tag: tagNames = [], note = '' } = parsed.values;
  if (quote === undefined || quote === '') throw new UsageError('say which passage to tag with --quote TEXT.', 'code');
  if (tagNames.length === 0) throw new UsageError('say which tag to apply with --tag NAME.', 'code');

  const annotation = await withLibrary(parsed.db, { create: false }, async ({ service }) => {
    const doc = await documentById(service, documentId);
    const match = findQuote(doc.text, quote);
    if (!match.found) throw new CliFailure(quoteNotFound(doc, quote, match.nearly), 2);
    if (match.occurrences > 1) {
      process.stderr.write(`excerpt: the quote occurs ${match.occurrences} times in document ${documentId}; the first is tagged (quote more of the passage to choose another).\n`);
    }
    const tagIds: number[] = [];
    for (const name of tagNames) {
      const { tag, created } = await tagByName(service, name);
      for (const added of created) process.stderr.write(`excerpt: added the tag "${added.name}" to the codebook (id ${added.id})\n`);
      if (!tagIds.includes(tag.id)) tagIds.push(tag.id);
    }
    return service.createAnnotation({ documentId, start: match.start, end: match.end, tagIds, note, exact: quote });
  });
  process.stdout.write(`${annotation.id}\n`);
  return 0;
}

async function documentById(service: ExcerptService, id: number): Promise<DocumentWithText> {
  try {
    return await service.getDocument({ id });
  } catch (error) {
    if (error instanceof ExcerptError && error.code === 'not-found') {
      throw new CliFailure(`there is no document ${id} in this library. "excerpt docs" lists the documents and their ids.`, 2);
    }
    throw error;
  }
}

function quoteNotFound(doc: LibraryDocument, quote: string, nearly: string | null): string {
  const where = `document ${doc.id} ("${doc.title}")`;
  if (nearly !== null) {
    return `the quote "${shorten(quote)}" does not occur exactly in ${where}; the text there reads "${shorten(nearly)}" ` +
      '(different spacing, capitals or quotation marks). Quote the passage exactly as it appears in the document.';
  }
  return `the quote "${shorten(quote)}" does not occur in ${where}. A quote must match the document's text exactly ` +
    '(spelling, capitals, punctuation, spacing): copy the passage from the document, and check the id with "excerpt docs".';
}

/// Long quotes are cut in messages so the reason stays readable.
function shorten(text: string): string {
  const points = Array.from(text);
  return points.length <= 120 ? text : `${points.slice(0, 117).join('')}...`;
}
