/// `excerpt docs [--search QUERY]`: the library's documents as TSV lines.
import { readArguments, tsvField, UsageError, type Invocation } from '../command.ts';
import { withLibrary } from '../library.ts';

/// The most hits `--search` lists (the contract's ceiling for one search).
const SEARCH_LIMIT = 500;

/// The text of "excerpt docs --help".
export const help = `Usage: excerpt [--db PATH] docs [--search QUERY]

Lists the documents in the library, newest first, one per line:
  id<TAB>published<TAB>title
(published is empty when the document states no date).

  --search QUERY   only the documents whose title or text match QUERY, best match first
                   (at most ${SEARCH_LIMIT})
`;

/// Runs `excerpt docs`; resolves to the exit status.
export async function run(invocation: Invocation): Promise<number> {
  const parsed = readArguments('docs', { help }, invocation, { search: { type: 'string' } });
  if (!parsed) return 0;
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals[0]}" (to search, use --search "${parsed.positionals.join(' ')}").`, 'docs');
  const query = parsed.values.search;
  const rows = await withLibrary(parsed.db, { create: false }, async ({ service }) =>
    query === undefined ? service.listDocuments({}) : service.searchDocuments({ query, limit: SEARCH_LIMIT }));
  for (const doc of rows) process.stdout.write(`${doc.id}\t${tsvField(doc.published)}\t${tsvField(doc.title)}\n`);
  return 0;
}
