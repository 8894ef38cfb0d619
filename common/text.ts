/// The canonical plain text of a document, and the map between its offsets and
/// ProseMirror positions. Every stored offset counts into this text; it is derived here
/// and nowhere else.
import type { Node } from 'prosemirror-model';

/// What stands between two blocks (paragraphs, headings, list items) in the canonical text.
export const BLOCK_SEPARATOR = '\n\n';

/// One textblock: where its content starts in the document and in the canonical text.
export interface TextBlock {
  /// ProseMirror position of the block's first character.
  pos: number;
  /// Offset of the block's first character in the canonical text.
  offset: number;
  /// Length of the block's text (equal to its content size: every inline node counts one
  /// position per UTF-16 unit, and a hard break is one position and one "\n").
  length: number;
}

export function textBlocks(doc: Node): TextBlock[] {
  const blocks: TextBlock[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    blocks.push({ pos: pos + 1, offset, length: node.content.size });
    offset += node.content.size;
    return false;
  });
  return blocks;
}

export function canonicalText(doc: Node): string {
  const parts: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    parts.push(node.textBetween(0, node.content.size, '', (leaf) => leaf.type.spec.leafText?.(leaf) ?? ''));
    return false;
  });
  return parts.join(BLOCK_SEPARATOR);
}

/// The canonical-text offset of a ProseMirror position. A position between blocks counts
/// as the end of the block before it (or the start of the first block).
export function posToOffset(blocks: readonly TextBlock[], pos: number): number {
  const i = lastIndexAtOrBefore(blocks, (b) => b.pos, pos);
  if (i < 0) return 0;
  const block = blocks[i]!;
  return block.offset + Math.min(pos - block.pos, block.length);
}

/// The ProseMirror position of a canonical-text offset. An offset inside a separator goes
/// to the start of the next block when `bias` is 1, the end of the previous one when -1.
export function offsetToPos(blocks: readonly TextBlock[], offset: number, bias: 1 | -1 = 1): number {
  if (blocks.length === 0) return 0;
  const i = lastIndexAtOrBefore(blocks, (b) => b.offset, offset);
  if (i < 0) return blocks[0]!.pos;
  const block = blocks[i]!;
  if (offset <= block.offset + block.length) return block.pos + (offset - block.offset);
  const next = blocks[i + 1];
  return bias === 1 && next ? next.pos : block.pos + block.length;
}

function lastIndexAtOrBefore<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
