/// The codebook as the analyst reads it: a tree of tags in their order, each with its path
/// ("Actors › ITU role"), and the choices the tag picker offers for what was typed.
import type { Tag } from '../../common/types.ts';

/// One tag in reading order.
export interface CodebookEntry {
  tag: Tag;
  depth: number;
  /// Names from the root down to this tag, joined by " › ".
  path: string;
}

/// What the tag picker can do with what was typed: apply a tag, or create one by that name.
export type PickerChoice = { kind: 'tag'; entry: CodebookEntry } | { kind: 'create'; name: string };

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

/// The picker's choices for `query`: tags whose path contains every typed word, those whose
/// own name matches best first, then "create" when the query names no tag yet.
export function pickerChoices(entries: readonly CodebookEntry[], query: string): PickerChoice[] {
  const name = query.trim();
  const lower = name.toLocaleLowerCase();
  const words = lower.split(/\s+/).filter(Boolean);
  const matches = entries
    .filter((e) => words.every((w) => e.path.toLocaleLowerCase().includes(w)))
    .map((entry, order) => ({ entry, order, rank: matchRank(entry.tag.name.toLocaleLowerCase(), lower) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order);
  const choices: PickerChoice[] = matches.map(({ entry }) => ({ kind: 'tag', entry }));
  const taken = entries.some((e) => e.tag.name.toLocaleLowerCase() === lower);
  if (name && !taken) choices.push({ kind: 'create', name });
  return choices;
}

// 0: the name starts with the query; 1: a word of it does; 2: it contains it; 3: only the path does.
function matchRank(name: string, query: string): number {
  if (name.startsWith(query)) return 0;
  if (name.split(/[\s\-/]+/).some((word) => word.startsWith(query))) return 1;
  return name.includes(query) ? 2 : 3;
}

// Calm, distinct colours that read on white as underlines and as faint tints.
const PALETTE = ['#1c7ed6', '#e8590c', '#2b8a3e', '#ae3ec9', '#c2255c', '#0c8599', '#5f3dc4', '#a07400', '#d6336c', '#364fc7'];

/// A colour for a new tag: the palette colour fewest tags use yet.
export function nextTagColor(tags: readonly Tag[]): string {
  const uses = (color: string) => tags.filter((t) => t.color.toLowerCase() === color).length;
  return PALETTE.reduce((best, color) => (uses(color) < uses(best) ? color : best), PALETTE[0]!);
}
