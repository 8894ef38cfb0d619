/// `excerpt export --format FORMAT`: the tagged excerpts, to stdout or to a file.
import { exportFormatIds, exportFormats, type ExportFormat } from '../../common/exportFormats.ts';
import type { ExportFilter } from '../../common/api.ts';
import { CliFailure, readArguments, UsageError, type Invocation } from '../command.ts';
import { withLibrary } from '../library.ts';
import { writeFileAtomically } from '../../core/writeFileAtomically.ts';


/// The text of "excerpt export --help".
export const help = `Usage: excerpt [--db PATH] export --format FORMAT [conditions] [--out FILE]

Writes the tagged excerpts of the library: each with its document, tags, quoted text,
position and note. Positions count Unicode characters (code points) into the document's
text, end exclusive. CSV is UTF-8 with a byte-order mark (opens cleanly in spreadsheets).

  --format FORMAT     the file format, one of:
${exportFormats.map((format) => `                        ${format.id.padEnd(6)}${format.label}: ${format.description}`).join('\n')}
  --out FILE          write to FILE (replaced whole, never left half-written) instead of stdout

  --query NAME        the excerpts of the query saved under this name (instead of the
                      conditions below)

Conditions (each narrows the excerpts; a tag is named at any level of the codebook, ignoring
case, and stands for its sub-tags too unless --without-subtags):
  --tag NAME          carrying this tag; repeat for several (any of them)
  --all-tags          carrying every --tag, not any
  --not-tag NAME      not carrying this tag; repeat for several
  --without-subtags   a tag stands for itself only
  --with-tag NAME     sharing text with a highlight of this tag: overlapping it, or in a common
                      paragraph with --within paragraph
  --within overlap|paragraph
  --search WORDS      the excerpt's text holds every word (ignoring case and accents)
  --from YYYY-MM-DD   in documents published on or after this day
  --to YYYY-MM-DD     in documents published on or before this day
  --source NAME       in documents from exactly this source
`;

/// Runs `excerpt export`; resolves to the exit status.
export async function run(invocation: Invocation): Promise<number> {
  const parsed = readArguments('export', { help }, invocation, {
    format: { type: 'string' },
    tag: { type: 'string', multiple: true },
    'all-tags': { type: 'boolean' },
    'not-tag': { type: 'string', multiple: true },
    'without-subtags': { type: 'boolean' },
    'with-tag': { type: 'string' },
    within: { type: 'string' },
    search: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    source: { type: 'string' },
    query: { type: 'string' },
    out: { type: 'string' },
  });
  if (!parsed) return 0;
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals[0]}" (to write a file, use --out FILE).`, 'export');
  const { values } = parsed;
  const { format, out } = values;
  if (format === undefined) throw new UsageError(`choose a format with --format (${exportFormatIds.join(', ')}).`, 'export');
  if (!isFormat(format)) throw new UsageError(`there is no export format "${format}"; choose one of ${exportFormatIds.join(', ')}.`, 'export');
  const within = values.within ?? 'overlap';
  if (within !== 'overlap' && within !== 'paragraph') throw new UsageError(`--within takes overlap or paragraph, not "${within}".`, 'export');
  if (values.within !== undefined && values['with-tag'] === undefined) throw new UsageError('--within goes with --with-tag NAME.', 'export');
  const filter: ExportFilter = {
    ...(values.tag && { tags: values.tag }),
    ...(values['all-tags'] && { allTags: true }),
    ...(values['not-tag'] && { notTags: values['not-tag'] }),
    ...(values['without-subtags'] && { withoutSubtags: true }),
    ...(values['with-tag'] !== undefined && { cooccurs: { tag: values['with-tag'], within } }),
    ...(values.search !== undefined && { search: values.search }),
    ...(values.from !== undefined && { from: values.from }),
    ...(values.to !== undefined && { to: values.to }),
    ...(values.source !== undefined && { source: values.source }),
  };

  if (values.query !== undefined && Object.keys(filter).length > 0) throw new UsageError('--query takes the saved query as it is; leave out the other conditions, or save the query again in the app.', 'export');

  const file = await withLibrary(parsed.db, { create: false }, async ({ service }) => {
    if (values.query !== undefined) {
      const wanted = values.query.trim().toLocaleLowerCase();
      const queries = await service.listSavedQueries({});
      const saved = queries.find((query) => query.name.toLocaleLowerCase() === wanted);
      if (!saved) {
        const known = queries.length === 0 ? 'the library has none' : `the library has ${queries.map((query) => `"${query.name}"`).join(', ')}`;
        throw new CliFailure(`there is no saved query called "${values.query}"; ${known}.`, 2);
      }
      return service.exportExcerpts({ format, filter: saved.filter });
    }
    // Tag names are matched ignoring case. A mistyped tag would otherwise be refused with the
    // service's words, which do not name the command that lists the codebook.
    const known = new Set((await service.listTags({})).map((tag) => tag.name.toLocaleLowerCase()));
    const named = [...(values.tag ?? []), ...(values['not-tag'] ?? []), ...(values['with-tag'] === undefined ? [] : [values['with-tag']])];
    const unknown = named.find((name) => !known.has(name.trim().toLocaleLowerCase()));
    if (unknown !== undefined) throw new CliFailure(`there is no tag called "${unknown}". "excerpt tags" lists the codebook.`, 2);
    return service.exportExcerpts({ format, filter });
  });
  const bytes = Buffer.from(file.content, file.encoding);
  if (out === undefined) process.stdout.write(bytes);
  else await writeFileAtomically(out, bytes).catch((error: NodeJS.ErrnoException) => {
    throw new CliFailure(`could not write ${out} (${error.code ?? error.message}); check that its folder exists and is writable.`);
  });
  return 0;
}

function isFormat(value: string): value is ExportFormat {
  return (exportFormatIds as readonly string[]).includes(value);
}
