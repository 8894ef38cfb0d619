/// The codebook: tags in a hierarchy, unique by name among siblings, each with a colour
/// and an optional one-key shortcut. Deleting a tag deletes its sub-tags too; highlights
/// that carried any of them stay and only lose those tags.
import { ExcerptError } from '../../common/errors.ts';
import type { Tag } from '../../common/types.ts';
import type { TagStore } from '../store/tags.ts';
import type { Methods, ServiceContext } from './context.ts';

/// Colours new tags take in turn when none is chosen: distinct, and readable as a highlight.
export const TAG_PALETTE = ['#fab005', '#40c057', '#339af0', '#f06595', '#fd7e14', '#845ef7', '#22b8cf', '#94d82d', '#ff6b6b', '#20c997'];

/// listTags, createTag, updateTag, deleteTag.
export function codebookMethods(ctx: ServiceContext): Methods<'listTags' | 'createTag' | 'updateTag' | 'deleteTag'> {
  const { tags, write } = ctx;
  return {
    listTags: () => depthFirst(tags.list()),

    createTag: (args) => write('update', () => {
      const parentId = args.parentId ?? null;
      if (parentId !== null) existingTag(tags, parentId, 'parentId');
      assertNameFree(tags, parentId, args.name, null);
      const shortcut = args.shortcut ?? null;
      if (shortcut !== null) assertShortcutFree(tags, shortcut, null);
      const id = tags.add({
        name: args.name,
        parentId,
        color: args.color ?? TAG_PALETTE[tags.count() % TAG_PALETTE.length]!,
        description: args.description ?? '',
        shortcut,
        position: tags.endPosition(parentId),
      });
      return tags.get(id)!;
    }),

    updateTag: (args) => write('update', () => {
      const tag = existingTag(tags, args.id, 'id');
      const next: Tag = { ...tag };
      if (args.parentId !== undefined && args.parentId !== tag.parentId) {
        if (args.parentId !== null) {
          const parent = existingTag(tags, args.parentId, 'parentId');
          if (tags.subtreeIds(tag.id).includes(parent.id)) {
            throw new ExcerptError('conflict', `"${tag.name}" cannot go under "${parent.name}", which is "${tag.name}" itself or one of its sub-tags.`, 'parentId');
          }
        }
        next.parentId = args.parentId;
        next.position = tags.endPosition(args.parentId);
      }
      if (args.name !== undefined) next.name = args.name;
      if (next.name !== tag.name || next.parentId !== tag.parentId) assertNameFree(tags, next.parentId, next.name, tag.id);
      if (args.shortcut !== undefined && args.shortcut !== null && args.shortcut !== tag.shortcut) assertShortcutFree(tags, args.shortcut, tag.id);
      if (args.shortcut !== undefined) next.shortcut = args.shortcut;
      if (args.color !== undefined) next.color = args.color;
      if (args.description !== undefined) next.description = args.description;
      tags.update(next);
      if (args.position !== undefined) placeAmongSiblings(tags, next, args.position);
      return tags.get(tag.id)!;
    }),

    deleteTag: ({ id }) => write('delete', () => {
      existingTag(tags, id, 'id');
      const annotationsAffected = tags.annotationsCarrying(tags.subtreeIds(id));
      tags.remove(id);
      return { id, annotationsAffected };
    }),
  };
}

/// The codebook in reading order: each tag followed by its sub-tags, siblings by position.
export function depthFirst(all: readonly Tag[]): Tag[] {
  const children = new Map<number | null, Tag[]>();
  for (const tag of all) children.set(tag.parentId, [...(children.get(tag.parentId) ?? []), tag]);
  const ordered: Tag[] = [];
  const visit = (parentId: number | null) => {
    for (const tag of children.get(parentId) ?? []) {
      ordered.push(tag);
      visit(tag.id);
    }
  };
  visit(null);
  return ordered;
}

/// The error for a tag id the codebook does not hold.
export function tagNotFound(id: number, field: string): ExcerptError {
  return new ExcerptError('not-found', `There is no tag with id ${id} (it may have been deleted). Reload the codebook and try again.`, field);
}

function existingTag(tags: TagStore, id: number, field: string): Tag {
  const tag = tags.get(id);
  if (!tag) throw tagNotFound(id, field);
  return tag;
}

function assertNameFree(tags: TagStore, parentId: number | null, name: string, self: number | null): void {
  const clash = tags.siblingNamed(parentId, name);
  if (!clash || clash.id === self) return;
  const where = parentId === null ? 'at the top of the codebook' : `under "${tags.get(parentId)!.name}"`;
  throw new ExcerptError('conflict', `A tag called "${clash.name}" already exists ${where}. Choose another name, or use that tag.`, 'name');
}

function assertShortcutFree(tags: TagStore, shortcut: string, self: number | null): void {
  const holder = tags.withShortcut(shortcut);
  if (!holder || holder.id === self) return;
  throw new ExcerptError('conflict', `The shortcut "${shortcut}" already belongs to the tag "${holder.name}". Choose another key, or clear it on "${holder.name}" first.`, 'shortcut');
}

/// Moves `tag` to index `position` among its siblings (clamped) and renumbers them 0, 1, 2...
function placeAmongSiblings(tags: TagStore, tag: Tag, position: number): void {
  const siblings = tags.siblings(tag.parentId).filter((sibling) => sibling.id !== tag.id);
  siblings.splice(Math.min(position, siblings.length), 0, tag);
  siblings.forEach((sibling, index) => {
    if (sibling.position !== index || sibling.id === tag.id) tags.setPosition(sibling.id, index);
  });
}
