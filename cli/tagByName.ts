/// Which tag `--tag NAME` means. A name matches a tag of that name anywhere in the codebook
/// (exact spelling first, then ignoring case); "Parent/Child" names a tag by its path from
/// the top of the codebook. A name that matches nothing becomes a new tag: at the top, or for
/// a path, under the parents it names (created too when missing).
import type { ExcerptService } from '../core/service.ts';
import type { Tag } from '../common/types.ts';
import { CliFailure } from './command.ts';

/// The tag a name means.
export interface ResolvedTag {
  tag: Tag;
  /// The tags this lookup had to add to the codebook, parents first.
  created: Tag[];
}

/// The tag `name` means, created (with missing parents) when none matches; ambiguous names are refused.
export async function tagByName(service: ExcerptService, name: string): Promise<ResolvedTag> {
  const tags = await service.listTags({});
  const found = findTag(tags, name);
  if (found) return { tag: found, created: [] };
  let parent: Tag | null = null;
  const created: Tag[] = [];
  for (const segment of pathOf(name)) {
    const parentId: number | null = parent ? parent.id : null;
    const existing = matching(tags.filter((tag) => tag.parentId === parentId), segment);
    parent = existing[0] ?? (await service.createTag({ name: segment, parentId }));
    if (!existing[0]) created.push(parent);
  }
  return { tag: parent!, created };
}

/// The tag of `tags` (the codebook) that `name` means, or undefined when none does; ambiguous
/// names are refused.
export function findTag(tags: readonly Tag[], name: string): Tag | undefined {
  const wanted = name.trim();
  const anywhere = matching(tags, wanted);
  if (anywhere.length === 1) return anywhere[0];
  if (anywhere.length > 1) {
    const byId = new Map(tags.map((tag) => [tag.id, tag]));
    const paths = anywhere.map((tag) => `"${tagPath(tag, byId)}"`).join(', ');
    throw new CliFailure(`several tags are called "${wanted}": ${paths}. Name the one you mean by its path, for example ${paths.split(', ')[0]}.`, 2);
  }
  let found: Tag | undefined;
  for (const segment of pathOf(name)) {
    const parentId: number | null = found ? found.id : null;
    found = matching(tags.filter((tag) => tag.parentId === parentId), segment)[0];
    if (!found) return undefined;
  }
  return found;
}

/// The names along a tag path ("Parent/Child"), or the one name.
function pathOf(name: string): string[] {
  const wanted = name.trim();
  const segments = wanted.includes('/') ? wanted.split('/').map((segment) => segment.trim()) : [wanted];
  if (segments.some((segment) => segment === '')) {
    throw new CliFailure(`"${name}" is not a tag path: write "Parent/Child", with a name on each side of every "/".`, 2);
  }
  return segments;
}

/// "Parent/Child" for a tag, from the top of the codebook.
export function tagPath(tag: Tag, byId: ReadonlyMap<number, Tag>): string {
  const names = [tag.name];
  const seen = new Set([tag.id]);
  for (let up = tag.parentId; up !== null && !seen.has(up); ) {
    const parent = byId.get(up);
    if (!parent) break;
    names.unshift(parent.name);
    seen.add(up);
    up = parent.parentId;
  }
  return names.join('/');
}

function matching(tags: readonly Tag[], name: string): Tag[] {
  const exact = tags.filter((tag) => tag.name === name);
  if (exact.length > 0) return exact;
  // "itu role" should find "ITU role" rather than start a near-duplicate code.
  const folded = name.toLocaleLowerCase();
  return tags.filter((tag) => tag.name.toLocaleLowerCase() === folded);
}
