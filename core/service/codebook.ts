/// The codebook: tags in a hierarchy, unique by name among siblings, each with a colour,
/// an optional one-key shortcut, and its entry (description, when to use it, when not to, an
/// example). Deleting a tag deletes its sub-tags too; highlights that carried any of them stay
/// and only lose those tags. Merging one tag into another keeps everything the first held.
import { ExcerptError } from '../../common/errors.ts';
import type { Tag, TagUse } from '../../common/types.ts';
import type { TagStore } from '../store/tags.ts';
import type { Methods, ServiceContext } from './context.ts';
import { documentNotFound } from './documents.ts';

/// Colours new tags take in turn when none is chosen: distinct, and readable as a highlight.
export const TAG_PALETTE = ['#fab005', '#40c057', '#339af0', '#f06595', '#fd7e14', '#845ef7', '#22b8cf', '#94d82d', '#ff6b6b', '#20c997'];

/// listTags, createTag, updateTag, deleteTag, countTagUses, mergeTags.
export function codebookMethods(ctx: ServiceContext): Methods<'listTags' | 'createTag' | 'updateTag' | 'deleteTag' | 'countTagUses' | 'mergeTags'> {
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
        whenToUse: args.whenToUse ?? '',
        whenNotToUse: args.whenNotToUse ?? '',
        example: args.example ?? '',
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
      if (args.whenToUse !== undefined) next.whenToUse = args.whenToUse;
      if (args.whenNotToUse !== undefined) next.whenNotToUse = args.whenNotToUse;
      if (args.example !== undefined) next.example = args.example;
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

    countTagUses({ documentId }) {
      if (documentId !== undefined && !ctx.documents.exists(documentId)) throw documentNotFound(documentId, 'documentId');
      const inLibrary = new Map(tags.usesInLibrary().map((use) => [use.tagId, use]));
      const inDocument = new Map(documentId === undefined ? [] : tags.usesInDocument(documentId).map((use) => [use.tagId, use.inDocument]));
      return depthFirst(tags.list()).map((tag): TagUse => ({
        tagId: tag.id,
        inDocument: inDocument.get(tag.id) ?? 0,
        inLibrary: inLibrary.get(tag.id)?.inLibrary ?? 0,
        inLibraryWithSubtags: inLibrary.get(tag.id)?.inLibraryWithSubtags ?? 0,
      }));
    },

    mergeTags: ({ fromId, intoId }) => write('update', () => {
      const from = existingTag(tags, fromId, 'fromId');
      const into = existingTag(tags, intoId, 'intoId');
      if (tags.subtreeIds(from.id).includes(into.id)) {
        throw new ExcerptError('conflict', `"${from.name}" cannot be merged into "${into.name}", which is one of its own sub-tags. ` +
          `Move "${into.name}" out from under "${from.name}" first, or merge "${into.name}" into "${from.name}" instead.`, 'intoId');
      }
      for (const child of tags.siblings(from.id)) {
        const clash = tags.siblingNamed(into.id, child.name);
        if (clash && clash.id !== from.id) {
          throw new ExcerptError('conflict', `"${from.name}" cannot be merged into "${into.name}": both have a sub-tag called "${clash.name}". ` +
            `Rename one of the two "${clash.name}" tags, or merge one into the other, then merge again. Nothing was changed.`, 'fromId');
        }
      }
      const annotationsMoved = tags.annotationsCarrying([from.id]);
      // A sub-tag of `from` may share its name and take its place under `into` (when `from` sits
      // there): `from`, about to go, steps aside under a name no tag can have (names are trimmed).
      tags.update({ ...from, name: ` merged into ${into.id}` });
      tags.moveChildren(from.id, into.id);
      tags.addTagToCarriers(from.id, into.id, ctx.now());
      tags.remove(from.id);
      if (from.shortcut !== null && into.shortcut === null) tags.update({ ...tags.get(into.id)!, shortcut: from.shortcut });
      return { tag: tags.get(into.id)!, annotationsMoved };
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
