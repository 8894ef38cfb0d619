/// The codebook as a tree the panel can show and rearrange: nested tags with their paths,
/// the rows a reader sees with some branches collapsed, and where a tag goes when it is
/// dropped on another or moved from the keyboard. Pure functions, so they are tested in Node.
import type { Tag } from '../../common/types.ts';
import { codebookTree } from './codebook.ts';

/// One tag with its sub-tags, in sibling order.
export interface TagNode {
  tag: Tag;
  /// The parent shown in the tree: null for a top-level tag (or one whose parent is missing).
  parentId: number | null;
  depth: number;
  /// Names from the top down, joined by " › " ("Mandates › ITU role").
  path: string;
  children: TagNode[];
}

/// The codebook's tree and a way to find any of its tags.
export interface TagTree {
  roots: TagNode[];
  byId: ReadonlyMap<number, TagNode>;
}

/// Where a tag is to go: under `parentId` (null: the top level), at index `position` among
/// its new siblings counted without it, as updateTag places it.
export interface TagMove {
  id: number;
  parentId: number | null;
  position: number;
}

/// Where a drop lands relative to the tag under the pointer.
export type DropPlacement = 'before' | 'inside' | 'after';

/// What Alt+arrow keys do to the focused tag.
export type KeyboardMove = 'up' | 'down' | 'indent' | 'outdent';

/// The tree of `tags`, whatever order they come in; siblings by position, then name.
export function buildTagTree(tags: readonly Tag[]): TagTree {
  const byId = new Map<number, TagNode>();
  const roots: TagNode[] = [];
  // codebookTree lists each tag after its parent, so the parent's node already exists.
  for (const entry of codebookTree(tags)) {
    const parent = entry.tag.parentId === null ? undefined : byId.get(entry.tag.parentId);
    const node: TagNode = { tag: entry.tag, parentId: parent ? parent.tag.id : null, depth: entry.depth, path: entry.path, children: [] };
    byId.set(node.tag.id, node);
    (parent ? parent.children : roots).push(node);
  }
  return { roots, byId };
}

/// The tag and every tag below it, the tag first.
export function subtreeIds(node: TagNode): number[] {
  return [node.tag.id, ...node.children.flatMap(subtreeIds)];
}

/// The tags below `node` (not the tag itself), in reading order.
export function descendants(node: TagNode): TagNode[] {
  return node.children.flatMap((child) => [child, ...descendants(child)]);
}

/// The rows shown, top to bottom, when the tags in `collapsed` hide their sub-tags.
export function visibleRows(roots: readonly TagNode[], collapsed: ReadonlySet<number>): TagNode[] {
  return roots.flatMap((node) => [node, ...(collapsed.has(node.tag.id) ? [] : visibleRows(node.children, collapsed))]);
}

/// The tags sharing `node`'s parent, `node` among them.
export function siblingsOf(tree: TagTree, node: TagNode): TagNode[] {
  return node.parentId === null ? tree.roots : (tree.byId.get(node.parentId)?.children ?? [node]);
}

/// Where a drop lands from the pointer's height within a row: its top quarter puts the tag
/// before the row's tag, its bottom quarter after it, the middle makes it a sub-tag.
export function dropPlacement(offsetY: number, rowHeight: number): DropPlacement {
  if (offsetY < rowHeight / 4) return 'before';
  if (offsetY > (rowHeight * 3) / 4) return 'after';
  return 'inside';
}

/// The move that dropping tag `draggedId` on `targetId` with `placement` asks for, or null
/// when there is nothing to do (dropped on itself, or where it already is). A drop under its
/// own sub-tag is returned as asked: the library refuses it and says why.
export function dropMove(tree: TagTree, draggedId: number, targetId: number, placement: DropPlacement): TagMove | null {
  const dragged = tree.byId.get(draggedId);
  const target = tree.byId.get(targetId);
  if (!dragged || !target || dragged === target) return null;
  if (placement === 'inside') {
    const others = target.children.filter((child) => child !== dragged);
    return moveUnlessInPlace(tree, dragged, target.tag.id, others.length);
  }
  const others = siblingsOf(tree, target).filter((sibling) => sibling !== dragged);
  const index = others.indexOf(target) + (placement === 'after' ? 1 : 0);
  return moveUnlessInPlace(tree, dragged, target.parentId, index);
}

/// The move that puts `draggedId` last at the top level, or null when it is there already.
export function moveToTopLevel(tree: TagTree, draggedId: number): TagMove | null {
  const dragged = tree.byId.get(draggedId);
  if (!dragged) return null;
  return moveUnlessInPlace(tree, dragged, null, tree.roots.filter((root) => root !== dragged).length);
}

/// The move an Alt+arrow key asks of tag `id`: up or down among its siblings, `indent` to
/// become the last sub-tag of the sibling above it, `outdent` to follow its parent one level
/// up. Null when the tag cannot go that way (first, last, no sibling above, top level).
export function keyboardMove(tree: TagTree, id: number, move: KeyboardMove): TagMove | null {
  const node = tree.byId.get(id);
  if (!node) return null;
  const siblings = siblingsOf(tree, node);
  const index = siblings.indexOf(node);
  switch (move) {
    case 'up':
      return index > 0 ? { id, parentId: node.parentId, position: index - 1 } : null;
    case 'down':
      return index < siblings.length - 1 ? { id, parentId: node.parentId, position: index + 1 } : null;
    case 'indent': {
      const above = siblings[index - 1];
      return above ? { id, parentId: above.tag.id, position: above.children.length } : null;
    }
    case 'outdent': {
      const parent = node.parentId === null ? undefined : tree.byId.get(node.parentId);
      if (!parent) return null;
      return { id, parentId: parent.parentId, position: siblingsOf(tree, parent).indexOf(parent) + 1 };
    }
  }
}

function moveUnlessInPlace(tree: TagTree, dragged: TagNode, parentId: number | null, position: number): TagMove | null {
  const inPlace = dragged.parentId === parentId && siblingsOf(tree, dragged).indexOf(dragged) === position;
  return inPlace ? null : { id: dragged.tag.id, parentId, position };
}
