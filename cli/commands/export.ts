/// `excerpt export --format FORMAT`: the tagged excerpts, to stdout or to a file.
import { exportFormatIds, exportFormats, type ExportFormat } from '../../common/exportFormats.ts';
import { CliFailure, readArguments, UsageError, type Invocation } from '../command.ts';
import { withLibrary } from '../library.ts';
import { writeFileAtomically } from '../../core/writeFileAtomically.ts';


/// The text of "excerpt export --help".
export const help = `Usage: excerpt [--db PATH] export --format FORMAT [--tag NAME]... [--out FILE]

Writes every tagged excerpt of the library: its document, tags, quoted text, position and
note. Positions count Unicode characters (code points) into the document's text, end
exclusive. CSV is UTF-8 with a byte-order mark (opens cleanly in spreadsheets).

  --format FORMAT     the file format, one of:
${exportFormats.map((format) => `                        ${format.id.padEnd(6)}${format.label}: ${format.description}`).join('\n')}
  --tag NAME          only excerpts carrying a tag of this name (any level of the
                      codebook); repeat for several (any of them)
  --out FILE          write to FILE (replaced whole, never left half-written) instead of stdout
`;

/// Runs `excerpt export`; resolves to the exit status.
export async function run(invocation: Invocation): Promise<number> {
  const parsed = readArguments('export', { help }, invocation, {
    format: { type: 'string' },
    tag: { type: 'string', multiple: true },
    out: { type: 'string' },
  });
  if (!parsed) return 0;
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals[0]}" (to write a file, use --out FILE).`, 'export');
  const { format, tag: tags = [], out } = parsed.values;
  if (format === undefined) throw new UsageError(`choose a format with --format (${exportFormatIds.join(', ')}).`, 'export');
  if (!isFormat(format)) throw new UsageError(`there is no export format "${format}"; choose one of ${exportFormatIds.join(', ')}.`, 'export');

  const file = await withLibrary(parsed.db, { create: false }, async ({ service }) => {
    // Tag names are matched ignoring case, as the codebook keeps them unique.
    const known = new Set((await service.listTags({})).map((tag) => tag.name.toLocaleLowerCase()));
    const unknown = tags.filter((name) => !known.has(name.trim().toLocaleLowerCase()));
    // A mistyped tag would otherwise export nothing and look like "no excerpts".
    if (unknown.length > 0) throw new CliFailure(`there is no tag called "${unknown[0]}". "excerpt tags" lists the codebook.`, 2);
    return service.exportExcerpts({ format, filter: tags.length > 0 ? { tags } : {} });
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
