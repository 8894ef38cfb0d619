/// `excerpt [--db PATH] COMMAND ...`: finds the command, runs it, and turns its outcome into
/// an exit status (0 done, 1 an operation failed, 2 the command line cannot be carried out).
import { parseArgs } from 'node:util';
import { ExcerptError } from '../common/errors.ts';
import { CliFailure, UsageError, type CommandModule } from './command.ts';

interface CommandEntry {
  summary: string;
  // Loaded on demand so that `excerpt --help` does not open SQLite or compile every command.
  load: () => Promise<CommandModule>;
}

const commands: Record<string, CommandEntry> = {
  import: { summary: 'add .txt and .md files, or folders of them, to the library', load: () => import('./commands/import.ts') },
  docs: { summary: 'list the documents (id, published, title), or search them', load: () => import('./commands/docs.ts') },
  tags: { summary: 'show the codebook as a tree, or merge one tag into another', load: () => import('./commands/tags.ts') },
  code: { summary: 'tag a quoted passage of a document', load: () => import('./commands/code.ts') },
  export: { summary: 'write the tagged excerpts as CSV or JSON', load: () => import('./commands/export.ts') },
  serve: { summary: 'open the app in a browser through a local server', load: () => import('./commands/serve.ts') },
  backup: { summary: 'back the library up now, or list its backups', load: () => import('./commands/backup.ts') },
  restore: { summary: 'replace the library with one of its backups', load: () => import('./commands/restore.ts') },
};

const overallHelp = `Usage: excerpt [--db PATH] COMMAND [ARGS...]

Excerpt keeps press releases in a local library; highlight statements and tag them with
the codes of your codebook, then export the tagged excerpts.

Commands:
${Object.entries(commands).map(([name, entry]) => `  ${name.padEnd(8)} ${entry.summary}`).join('\n')}

Options:
  --db PATH   the library file (default: $EXCERPT_DB, else the desktop app's library)
  -h, --help  this help; "excerpt COMMAND --help" explains one command
`;

/// Runs the command line `argv` (without node and the script) and resolves to its exit status.
export async function main(argv: string[]): Promise<number> {
  // `excerpt docs | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  let commandName: string | undefined;
  try {
    let { db, help, command, rest } = splitGlobalOptions(argv);
    // `excerpt help import` is `excerpt import --help`.
    if (command === 'help' && rest[0] !== undefined) [command, help, rest] = [rest[0], true, []];
    commandName = command;
    if (command === undefined || command === 'help') {
      if (command === undefined && !help) throw new UsageError('which command? See the list below.');
      process.stdout.write(overallHelp);
      return 0;
    }
    const entry = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (!entry) throw new UsageError(`there is no command "${command}".`);
    const module = await entry.load();
    return await module.run({ argv: help ? ['--help', ...rest] : rest, db });
  } catch (error) {
    return report(error, commandName);
  }
}

/// Global options come before the command name: `excerpt --db lib.sqlite docs`.
function splitGlobalOptions(argv: string[]): { db: string | undefined; help: boolean; command: string | undefined; rest: string[] } {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) i += argv[i] === '--db' ? 2 : 1;
  let values;
  try {
    ({ values } = parseArgs({ args: argv.slice(0, i), options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return { db: values.db, help: values.help ?? false, command: argv[i], rest: argv.slice(i + 1) };
}

function report(error: unknown, command: string | undefined): number {
  if (error instanceof UsageError) {
    const where = error.command ?? (command && Object.hasOwn(commands, command) ? command : undefined);
    const more = where ? `Run "excerpt ${where} --help" for its usage.` : 'Run "excerpt --help" for the list of commands.';
    process.stderr.write(`excerpt${where ? ` ${where}` : ''}: ${error.message}\n${more}\n`);
    if (!where) process.stderr.write(`\n${overallHelp}`);
    return error.status;
  }
  if (error instanceof CliFailure) {
    process.stderr.write(`excerpt: ${error.message}\n`);
    return error.status;
  }
  if (error instanceof ExcerptError) {
    process.stderr.write(`excerpt: ${error.message}\n`);
    return error.code === 'invalid-argument' ? 2 : 1;
  }
  // Not an expected failure: say what it was; the stack only when asked for.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`excerpt: ${message}\n`);
  if (process.env.EXCERPT_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}
