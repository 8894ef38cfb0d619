/// Keeps the passage being tagged visible while the tag picker holds the focus (the
/// browser hides an editor's selection once focus leaves it).
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

const pendingKey = new PluginKey<DecorationSet>('excerpt-pending-quote');

export function pendingQuotePlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: pendingKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const range = tr.getMeta(pendingKey) as { from: number; to: number } | null | undefined;
        if (range === undefined) return set.map(tr.mapping, tr.doc);
        if (range === null) return DecorationSet.empty;
        return DecorationSet.create(tr.doc, [Decoration.inline(range.from, range.to, { class: 'excerpt-pending' })]);
      },
    },
    props: {
      decorations: (state) => pendingKey.getState(state),
    },
  });
}

/// Marks `range` as the passage being tagged, or clears the mark with null.
export function setPendingQuote(state: EditorState, range: { from: number; to: number } | null): Transaction {
  return state.tr.setMeta(pendingKey, range);
}
