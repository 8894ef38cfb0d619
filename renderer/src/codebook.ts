/// The codebook as the analyst reads it: a tree of tags in their order, each with its path
/// ("Actors › ITU role"), and a colour for the next new tag.
import type { Tag } from '../../common/types.ts';

/// One tag in reading order.
export interface CodebookEntry {
  tag: Tag;
  depth: number;
  /// Names from the root down to this tag, joined by " › ".
  path: string;
}

const bySiblingOrder = (a: Tag, b: Tag) => a.position - b.position || a.name.localeCompare(b.name);

/// Depth-first: each tag followed by its children. A tag whose parent is missing is a root.
export function codebookTree(tags: readonly Tag[]): CodebookEntry[] {
  const ids = new Set(tags.map((t) => t.id));
  const children = new Map<number | null, Tag[]>();
  for (const tag of tags) {
    const parent = tag.parentId !== null && ids.has(tag.parentId) ? tag.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), tag]);
  }
  const entries: CodebookEntry[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number, path: string) => {
    for (const tag of (children.get(parent) ?? []).sort(bySiblingOrder)) {
      if (seen.has(tag.id)) continue;
      seen.add(tag.id);
      const tagPath = path ? `${path} › ${tag.name}` : tag.name;
      entries.push({ tag, depth, path: tagPath });
      visit(tag.id, depth + 1, tagPath);
    }
  };
  visit(null, 0, '');
  return entries;
}

// Calm, distinct colours that read on white as underlines and as faint tints.
const PALETTE = ['#1c7ed6', '#e8590c', '#2b8a3e', '#ae3ec9', '#c2255c', '#0c8599', '#5f3dc4', '#a07400', '#d6336c', '#364fc7'];

/// A colour for a new tag: the palette colour fewest tags use yet.
export function nextTagColor(tags: readonly Tag[]): string {
  const uses = (color: string) => tags.filter((t) => t.color.toLowerCase() === color).length;
  return PALETTE.reduce((best, color) => (uses(color) < uses(best) ? color : best), PALETTE[0]!);
}
