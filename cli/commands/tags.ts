/// `excerpt tags`: the codebook as an indented tree; `excerpt tags merge FROM INTO` merges one
/// tag into another.
import type { Tag } from '../../common/types.ts';
import { CliFailure, readArguments, UsageError, type Invocation } from '../command.ts';
import { withLibrary } from '../library.ts';
import { findTag } from '../tagByName.ts';

/// The text of "excerpt tags --help".
export const help = `Usage: excerpt [--db PATH] tags
       excerpt [--db PATH] tags merge FROM INTO

Prints the codebook: one tag per line, children indented two spaces under their parent,
in the codebook's order, with the tag's keyboard shortcut in brackets when it has one:
  Internet governance
    ITU role [1]

"tags merge FROM INTO" merges the tag FROM into the tag INTO: every highlight tagged FROM
is tagged INTO instead, FROM's sub-tags move under INTO, and FROM leaves the codebook
(INTO takes its shortcut when it has none). A name matches a tag of that name at any
level; "Parent/Child" names a tag by its path.
`;

/// Runs `excerpt tags`; resolves to the exit status.
export async function run(invocation: Invocation): Promise<number> {
  const parsed = readArguments('tags', { help }, invocation, {});
  if (!parsed) return 0;
  const [action, ...names] = parsed.positionals;
  if (action === 'merge') return merge(parsed.db, names);
  if (action !== undefined) throw new UsageError(`unexpected "${action}" (did you mean "tags merge FROM INTO"?).`, 'tags');
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

async function merge(db: string | undefined, names: string[]): Promise<number> {
  if (names.length !== 2) throw new UsageError('say which tag to merge into which: tags merge FROM INTO.', 'tags');
  const [fromName, intoName] = names as [string, string];
  const { tag, annotationsMoved, from } = await withLibrary(db, { create: false }, async ({ service }) => {
    const codebook = await service.listTags({});
    const [from, into] = [existingTag(codebook, fromName), existingTag(codebook, intoName)];
    if (from.id === into.id) throw new CliFailure(`"${fromName}" and "${intoName}" are the same tag; name two different tags.`, 2);
    return { ...(await service.mergeTags({ fromId: from.id, intoId: into.id })), from };
  });
  const highlights = annotationsMoved === 1 ? '1 highlight' : `${annotationsMoved} highlights`;
  process.stdout.write(`merged "${from.name}" into "${tag.name}": ${highlights} moved\n`);
  return 0;
}

function existingTag(codebook: readonly Tag[], name: string): Tag {
  const tag = findTag(codebook, name);
  if (!tag) throw new CliFailure(`there is no tag "${name.trim()}" in the codebook ("excerpt tags" lists them). Name a tag by its name or its path, "Parent/Child".`, 2);
  return tag;
}
