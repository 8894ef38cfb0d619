/// A tag named by its path ("Actors › Regulator", or "Actors / Regulator"): the tag at the
/// end of that path, creating whatever part of it the codebook lacks.
import type { ExcerptApi } from '../../common/api.ts';
import type { Tag } from '../../common/types.ts';
import { nextTagColor } from './codebook.ts';

export function splitTagPath(path: string): string[] {
  return path.split(/\s*[›/]\s*/).map((name) => name.trim()).filter(Boolean);
}

/// The tag at `path`, and the tags made on the way (in order, each under the one before).
export async function ensureTagPath(api: Pick<ExcerptApi, 'createTag'>, tags: readonly Tag[], path: string): Promise<{ tag: Tag; created: Tag[] }> {
  const names = splitTagPath(path);
  if (names.length === 0) throw new Error('A tag needs a name: type one.');
  const known = [...tags];
  const created: Tag[] = [];
  let parent: Tag | null = null;
  for (const name of names) {
    const lower = name.toLocaleLowerCase();
    const parentId: number | null = parent ? parent.id : null;
    let tag: Tag | undefined = known.find((t) => t.parentId === parentId && t.name.toLocaleLowerCase() === lower);
    if (!tag) {
      tag = await api.createTag({ name, parentId, color: nextTagColor(known) });
      known.push(tag);
      created.push(tag);
    }
    parent = tag;
  }
  return { tag: parent!, created };
}
