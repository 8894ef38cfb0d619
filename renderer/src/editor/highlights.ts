/// The one plugin that draws the open document's highlights (the coding plugin's state) as
/// decorations. Its DecorationSet is mapped through every transaction; only the textblocks a
/// transaction touched (by a text edit or a coding step) are redrawn, and the whole set is
/// rebuilt only when the tag colours change (`setTagColors`). Must come after codingPlugin.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { Tag } from '../../../common/types.ts';
import { highlightSegments, type HighlightBound } from '../../../common/highlightSegments.ts';
import { highlightClass } from './highlightClasses.ts';
import { CodingStep, type Highlight } from './codingStep.ts';
import { codingState } from './coding.ts';

interface DrawnHighlights {
  set: DecorationSet;
  colors: ReadonlyMap<number, string>;
}

const highlightsKey = new PluginKey<DrawnHighlights>('excerpt-highlights');

export function highlightsPlugin(tags: readonly Tag[]): Plugin<DrawnHighlights> {
  return new Plugin<DrawnHighlights>({
    key: highlightsKey,
    state: {
      init: (_config, state) => {
        const colors = tagColors(tags);
        return { colors, set: highlightDecorations(state.doc, [...codingState(state).highlights.values()], colors) };
      },
      apply(tr, drawn, _old, state) {
        const newTags = tr.getMeta(highlightsKey) as readonly Tag[] | undefined;
        const highlights = codingState(state).highlights;
        if (newTags) {
          const colors = tagColors(newTags);
          return { colors, set: highlightDecorations(tr.doc, [...highlights.values()], colors) };
        }
        if (!tr.docChanged) return drawn;
        const touched = touchedBlocks(tr);
        let set = drawn.set.map(tr.mapping, tr.doc);
        if (touched.length > 0) {
          const around = (h: Highlight) => touched.some((b) => h.from < b.to && h.to > b.from);
          set = set.remove(touched.flatMap((b) => set.find(b.from, b.to)));
          set = set.add(tr.doc, decorationsFor([...highlights.values()].filter(around), touched, drawn.colors));
        }
        return { colors: drawn.colors, set };
      },
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.set,
    },
  });
}

/// The transaction that redraws every highlight in the codebook's current colours.
export function setTagColors(state: EditorState, tags: readonly Tag[]): Transaction {
  return state.tr.setMeta(highlightsKey, tags);
}

/// All decorations for a document: what the plugin starts from (and the benchmark's
/// rebuild-every-keystroke variant calls each time).
export function highlightDecorations(doc: Node, highlights: readonly Highlight[], colors: ReadonlyMap<number, string>): DecorationSet {
  return DecorationSet.create(doc, decorationsFor(highlights, blockBounds(doc, 0, doc.content.size), colors));
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
