/// What every `excerpt` command shares: how it reads its arguments and how it fails.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/// One run of a command: the words after its name, and the global `--db` if one came before it.
export interface Invocation {
  argv: string[];
  db: string | undefined;
}

/// A command module: its `--help` text and its body, which resolves to the exit status.
export interface CommandModule {
  help: string;
  run(invocation: Invocation): Promise<number>;
}

/// A failure the command line reports in one line on stderr, with the exit status it means
/// (2: the request cannot be carried out as typed; 1: the operation failed).
export class CliFailure extends Error {
  readonly status: number;

  constructor(message: string, status = 1) {
    super(message);
    this.name = 'CliFailure';
    this.status = status;
  }
}

/// The command line itself is wrong (unknown flag, missing argument): reported with the
/// command's usage line, exit status 2.
export class UsageError extends CliFailure {
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message, 2);
    this.name = 'UsageError';
    this.command = command;
  }
}

const sharedOptions = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig;

/// What `readArguments` returns for a command's options: typed values and the positionals.
export type ParsedArguments<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof sharedOptions & O; allowPositionals: true; strict: true }>
>;

/// Parses a command's own flags (plus `--db` and `--help`, accepted after the command name
/// too; `db` is the library flag wherever it was given). Returns null when `--help` was
/// asked for, after printing the help.
export function readArguments<const O extends OptionsConfig>(
  command: string,
  module: Pick<CommandModule, 'help'>,
  invocation: Invocation,
  options: O,
): (ParsedArguments<O> & { db: string | undefined }) | null {
  let parsed;
  try {
    parsed = parseArgs({ args: invocation.argv, options: { ...sharedOptions, ...options }, allowPositionals: true, strict: true }) as ParsedArguments<O>;
  } catch (error) {
    if (isParseArgsError(error)) throw new UsageError(error.message, command);
    throw error;
  }
  const shared = parsed.values as { help?: boolean; db?: string };
  if (shared.help) {
    process.stdout.write(module.help);
    return null;
  }
  return { ...parsed, db: shared.db ?? invocation.db };
}

/// A positive whole number typed on the command line, or a usage error naming `what`.
export function readId(command: string, what: string, raw: string | undefined): number {
  if (raw === undefined) throw new UsageError(`${what} is missing.`, command);
  if (!/^[1-9][0-9]{0,14}$/.test(raw)) throw new UsageError(`${what} must be a positive whole number, not "${raw}".`, command);
  return Number(raw);
}

/// Text on one TSV line: tabs and line breaks inside a field would split it.
export function tsvField(value: string | number | null): string {
  return value === null ? '' : String(value).replace(/[\t\r\n]+/g, ' ');
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
}
