/// The one plugin that draws a document's annotations. Its state is a DecorationSet that is
/// mapped through every transaction and rebuilt only when a transaction carries a new set of
/// annotations or tags (`setHighlights`).
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { Annotation, Tag } from '../../../common/types.ts';
import { textBlocks } from '../../../common/text.ts';
import { highlightSegments } from '../../../common/highlightSegments.ts';
import { highlightStyle } from './highlightStyle.ts';
import { annotationRange } from './ranges.ts';

/// What the highlights are drawn from.
export interface HighlightSource {
  annotations: readonly Annotation[];
  tags: readonly Tag[];
}

const highlightsKey = new PluginKey<DecorationSet>('excerpt-highlights');

export function highlightsPlugin(initial: HighlightSource): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: highlightsKey,
    state: {
      init: (_config, state) => highlightDecorations(state.doc, initial),
      apply(tr, set) {
        const source = tr.getMeta(highlightsKey) as HighlightSource | undefined;
        return source ? highlightDecorations(tr.doc, source) : set.map(tr.mapping, tr.doc);
      },
    },
    props: {
      decorations: (state) => highlightsKey.getState(state),
    },
  });
}

/// The transaction that redraws the highlights for a changed set of annotations or tags.
export function setHighlights(state: EditorState, source: HighlightSource): Transaction {
  return state.tr.setMeta(highlightsKey, source);
}

/// One inline decoration per segment (see common/highlightSegments.ts), never crossing a
/// block, carrying the ids of the annotations under it.
export function highlightDecorations(doc: Node, { annotations, tags }: HighlightSource): DecorationSet {
  const colorOf = new Map(tags.map((tag) => [tag.id, tag.color]));
  const blocks = textBlocks(doc);
  const ranges = annotations.map((a) => ({
    id: a.id,
    ...annotationRange(blocks, a),
    colors: a.tagIds.flatMap((id) => colorOf.get(id) ?? []),
  }));
  const bounds = blocks.map((b) => ({ from: b.pos, to: b.pos + b.length }));
  const decorations = highlightSegments(ranges, bounds).map((segment) =>
    Decoration.inline(segment.from, segment.to, {
      class: 'excerpt-highlight',
      style: highlightStyle(segment.layers),
      'data-annotation-ids': segment.ids.join(' '),
    }),
  );
  return DecorationSet.create(doc, decorations);
}
