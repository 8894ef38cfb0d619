/// `excerpt tags`: the codebook as an indented tree.
import type { Tag } from '../../common/types.ts';
import { readArguments, UsageError, type Invocation } from '../command.ts';
import { withLibrary } from '../library.ts';

/// The text of "excerpt tags --help".
export const help = `Usage: excerpt [--db PATH] tags

Prints the codebook: one tag per line, children indented two spaces under their parent,
in the codebook's order, with the tag's keyboard shortcut in brackets when it has one:
  Internet governance
    ITU role [1]
`;

/// Runs `excerpt tags`; resolves to the exit status.
export async function run(invocation: Invocation): Promise<number> {
  const parsed = readArguments('tags', { help }, invocation, {});
  if (!parsed) return 0;
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected "${parsed.positionals[0]}".`, 'tags');
  const tags = await withLibrary(parsed.db, { create: false }, ({ service }) => service.listTags({}));
  process.stdout.write(codebookTree(tags).join(''));
  return 0;
}

/// The lines of the tree, each ending in a newline. `tags` come in the codebook's reading
/// order (listTags: each tag followed by its sub-tags), so a parent is always met first.
export function codebookTree(tags: readonly Tag[]): string[] {
  const depth = new Map<number, number>();
  return tags.map((tag) => {
    const level = tag.parentId === null ? 0 : (depth.get(tag.parentId) ?? -1) + 1;
    depth.set(tag.id, level);
    return `${'  '.repeat(level)}${tag.name}${tag.shortcut ? ` [${tag.shortcut}]` : ''}\n`;
  });
}
