/// The one plugin that draws the open document's highlights (the coding plugin's state) as
/// decorations. Its DecorationSet is mapped through every transaction; only the textblocks a
/// transaction touched (by a text edit or a coding step) are redrawn, and the whole set is
/// rebuilt only when the tag colours change (`setTagColors`). Must come after codingPlugin.
///
/// A long document is drawn from where the analyst looks: opening it draws the first screens'
/// blocks at once, and the rest in idle moments after (`drawNearest`), nearest the viewport
/// first: a document with thousands of highlights shows without waiting for all of them.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { Tag } from '../../../common/types.ts';
import { highlightSegments, type HighlightBound } from '../../../common/highlightSegments.ts';
import { highlightClass } from './highlightClasses.ts';
import { CodingStep, type Highlight } from './codingStep.ts';
import { codingState } from './coding.ts';
import type { HighlightStore } from './highlightStore.ts';

/// How far into a document (in positions, about characters) its highlights are drawn as it
/// opens: more than the tallest screen shows.
const FIRST_DRAWN = 12_000;
/// Characters of text drawn in one idle moment: some ten ms of work, so a key pressed
/// meanwhile waits no longer than that.
const DRAWN_PER_IDLE = 12_000;

interface DrawnHighlights {
  set: DecorationSet;
  colors: ReadonlyMap<number, string>;
  /// Where the textblocks not drawn yet start, in order (mapped through every edit).
  undrawn: readonly number[];
}

const highlightsKey = new PluginKey<DrawnHighlights>('excerpt-highlights');
/// Marks a transaction that draws blocks not drawn yet (its value: the blocks).
const idleKey = new PluginKey('excerpt-highlights-idle');

export function highlightsPlugin(tags: readonly Tag[]): Plugin<DrawnHighlights> {
  return new Plugin<DrawnHighlights>({
    key: highlightsKey,
    state: {
      init: (_config, state) => {
        const colors = tagColors(tags);
        const { highlights } = codingState(state);
        const blocks = blocksWithHighlights(state.doc, highlights);
        let first = 0;
        while (first < blocks.length && blocks[first]!.from < FIRST_DRAWN) first++;
        const set = DecorationSet.create(state.doc, drawBlocks(highlights, blocks.slice(0, first), colors));
        return { colors, set, undrawn: blocks.slice(first).map((b) => b.from) };
      },
      apply(tr, drawn, _old, state) {
        const highlights = codingState(state).highlights;
        const newTags = tr.getMeta(highlightsKey) as readonly Tag[] | undefined;
        if (newTags) {
          const colors = tagColors(newTags);
          return { colors, set: highlightDecorations(tr.doc, [...highlights.values()], colors), undrawn: [] };
        }
        const idle = tr.getMeta(idleKey) as HighlightBound[] | undefined;
        if (!tr.docChanged && !idle) return drawn;
        const undrawn = tr.docChanged ? mapPositions(drawn.undrawn, tr) : drawn.undrawn;
        const blocks = idle ?? touchedBlocks(tr);
        let set = tr.docChanged ? drawn.set.map(tr.mapping, tr.doc) : drawn.set;
        if (blocks.length === 0) return { ...drawn, set, undrawn };
        set = set.remove(blocks.flatMap((b) => set.find(b.from, b.to)));
        set = set.add(tr.doc, drawBlocks(highlights, blocks, drawn.colors));
        return { colors: drawn.colors, set, undrawn: undrawn.filter((pos) => !blocks.some((b) => pos >= b.from && pos <= b.to)) };
      },
    },
    view: (view) => new IdleDrawing(view),
    props: {
      decorations: drawnHighlights,
    },
  });
}

/// The transaction that redraws every highlight in the codebook's current colours.
export function setTagColors(state: EditorState, tags: readonly Tag[]): Transaction {
  return state.tr.setMeta(highlightsKey, tags);
}

/// The decorations drawn now.
export function drawnHighlights(state: EditorState): DecorationSet {
  return highlightsKey.getState(state)?.set ?? DecorationSet.empty;
}

/// Where the textblocks not drawn yet start.
export function undrawnBlocks(state: EditorState): readonly number[] {
  return highlightsKey.getState(state)?.undrawn ?? [];
}

/// The transaction drawing the undrawn textblocks nearest `near` (a position), up to `budget`
/// characters of text; null when everything is drawn.
export function drawNearest(state: EditorState, near: number, budget = DRAWN_PER_IDLE): Transaction | null {
  const undrawn = undrawnBlocks(state);
  if (undrawn.length === 0) return null;
  // Two fronts moving away from `near` in turns, the one below first.
  let below = undrawn.findIndex((pos) => pos >= near);
  if (below < 0) below = undrawn.length;
  let above = below - 1;
  const picked: HighlightBound[] = [];
  for (let chars = 0, turn = 0; chars < budget && (below < undrawn.length || above >= 0); turn++) {
    const down = above < 0 || (below < undrawn.length && turn % 2 === 0);
    const pos = down ? undrawn[below++]! : undrawn[above--]!;
    const block = blockBounds(state.doc, pos, Math.min(pos + 1, state.doc.content.size))[0];
    if (!block || picked.some((b) => b.from === block.from)) continue;
    picked.push(block);
    chars += block.to - block.from;
  }
  return state.tr.setMeta(idleKey, picked.sort((a, b) => a.from - b.from)).setMeta('addToHistory', false);
}

/// Draws what is left in the browser's idle moments, nearest the middle of the viewport first.
class IdleDrawing {
  private handle: number | null = null;
  constructor(private readonly view: EditorView) {
    this.schedule();
  }
  update(): void {
    this.schedule();
  }
  destroy(): void {
    if (this.handle !== null) cancelIdleCallback(this.handle);
    this.handle = null;
  }
  private schedule(): void {
    if (this.handle !== null || undrawnBlocks(this.view.state).length === 0) return;
    // The timeout keeps a page that is never idle (a long typing burst) drawing too.
    this.handle = requestIdleCallback(() => this.drawSome(), { timeout: 500 });
  }
  private drawSome(): void {
    this.handle = null;
    if (this.view.isDestroyed) return;
    const tr = drawNearest(this.view.state, this.viewportMiddle());
    if (tr) this.view.dispatch(tr);
  }
  /// The document position in the middle of what shows of the editor.
  private viewportMiddle(): number {
    const box = this.view.dom.getBoundingClientRect();
    const top = Math.min(Math.max(innerHeight / 2, box.top + 1), box.bottom - 1);
    return this.view.posAtCoords({ left: box.left + box.width / 2, top })?.pos ?? 0;
  }
}

/// All decorations for a document: what a colour change redraws (and the benchmark's
/// rebuild-every-keystroke variant calls each time).
export function highlightDecorations(doc: Node, highlights: readonly Highlight[], colors: ReadonlyMap<number, string>): DecorationSet {
  return DecorationSet.create(doc, decorationsFor(highlights, blockBounds(doc, 0, doc.content.size), colors));
}

/// The decorations of the highlights within `blocks` (sorted), clipped to them.
function drawBlocks(highlights: HighlightStore, blocks: readonly HighlightBound[], colors: ReadonlyMap<number, string>): Decoration[] {
  if (blocks.length === 0) return [];
  // Most highlights lie outside the stretch the blocks span; only the others are checked block by block.
  const within = highlights.between(blocks[0]!.from, blocks.at(-1)!.to).filter((h) => blocks.some((b) => h.from < b.to && h.to > b.from));
  return decorationsFor(within, blocks, colors);
}

/// One inline decoration per segment (common/highlightSegments.ts), never leaving a block,
/// carrying the keys of the highlights under it.
function decorationsFor(highlights: readonly Highlight[], bounds: readonly HighlightBound[], colors: ReadonlyMap<number, string>): Decoration[] {
  const ranges = highlights.map((h) => ({ id: h.key, from: h.from, to: h.to, colors: h.tagIds.flatMap((id) => colors.get(id) ?? []) }));
  return highlightSegments(ranges, bounds).map((segment) =>
    Decoration.inline(segment.from, segment.to, {
      class: `excerpt-highlight ${highlightClass(segment.layers)}`,
      'data-highlight-keys': segment.ids.join(' '),
    }),
  );
}

function tagColors(tags: readonly Tag[]): Map<number, string> {
  return new Map(tags.map((tag) => [tag.id, tag.color]));
}

/// The textblocks some highlight covers, in order.
function blocksWithHighlights(doc: Node, highlights: HighlightStore): HighlightBound[] {
  const blocks = blockBounds(doc, 0, doc.content.size);
  const covered = new Uint8Array(blocks.length);
  highlights.forEachRange((from, to) => {
    // The first block ending after the highlight's start (binary search), then on while covered.
    let low = 0;
    let high = blocks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (blocks[mid]!.to <= from) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < blocks.length && blocks[i]!.from < to; i++) covered[i] = 1;
  });
  return blocks.filter((_, i) => covered[i] === 1);
}

/// Positions carried through an edit, in order and each once.
function mapPositions(positions: readonly number[], tr: Transaction): number[] {
  const mapped: number[] = [];
  for (const pos of positions) {
    const to = tr.mapping.map(pos);
    if (mapped.at(-1) !== to) mapped.push(to);
  }
  return mapped;
}

/// The contents of the textblocks between two positions, in order.
function blockBounds(doc: Node, from: number, to: number): HighlightBound[] {
  const bounds: HighlightBound[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    bounds.push({ from: pos + 1, to: pos + 1 + node.content.size });
    return false;
  });
  return bounds;
}

/// The textblocks (in the new document) whose drawing a transaction may have changed: those
/// around its text changes and around the old and new ranges of the highlights it set.
function touchedBlocks(tr: Transaction): HighlightBound[] {
  const ranges: [number, number][] = [];
  tr.steps.forEach((step, index) => {
    const forward = tr.mapping.slice(index + 1);
    if (step instanceof CodingStep) {
      for (const h of [step.before, step.after]) {
        if (h) ranges.push([forward.map(h.from, -1), forward.map(h.to, 1)]);
      }
    } else {
      step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => ranges.push([forward.map(newStart, -1), forward.map(newEnd, 1)]));
    }
  });
  const size = tr.doc.content.size;
  const seen = new Set<number>();
  const blocks: HighlightBound[] = [];
  const clamp = (pos: number) => Math.max(0, Math.min(pos, size));
  for (const [from, to] of ranges) {
    // An empty range (a deletion) still touches the block it sits in.
    const [start, end] = to > from ? [from, to] : [from - 1, from + 1];
    for (const bound of blockBounds(tr.doc, clamp(start), clamp(end))) {
      if (!seen.has(bound.from)) blocks.push(bound);
      seen.add(bound.from);
    }
  }
  return blocks.sort((a, b) => a.from - b.from);
}
