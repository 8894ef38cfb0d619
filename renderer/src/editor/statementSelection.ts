/// "Snap to statement": the analyst selects whole statements of a press release, with one
/// click or a key, instead of dragging from one full stop to the next. The statements of a
/// block come from common/statements.ts; a selection never makes blocks into one statement,
/// but may run over several blocks, each end snapped within its own.
import { Plugin, TextSelection, type Command, type EditorState } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { textBlocks, type TextBlock } from '../../../common/text.ts';
import { snapToStatements, statementAt, statementBounds } from '../../../common/statements.ts';

/// Selects the statement around the cursor; a selection grows to the whole statements it
/// touches (its start snapped in its block, its end in its own), keeping its direction.
export const selectStatement: Command = (state, dispatch) => {
  const { from, to } = state.selection;
  const range = snappedRange(state.doc, textBlocks(state.doc), from, to);
  if (!range) return false;
  if (dispatch && (range.from !== from || range.to !== to)) dispatch(state.tr.setSelection(keepingDirection(state, range)));
  return true;
};

/// Grows the selection by the next statement (1) or the one before (-1), into the next or
/// previous block past a block's last statement, so that the keyboard selects statement
/// after statement. A selection not yet on whole statements first snaps to them.
export function extendByStatement(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const { doc } = state;
    const blocks = textBlocks(doc);
    const { from, to } = state.selection;
    const snapped = snappedRange(doc, blocks, from, to);
    const range = snapped && (snapped.from !== from || snapped.to !== to) ? snapped : grownRange(doc, blocks, from, to, dir);
    if (!range) return false;
    if (dispatch) {
      // The end that moves is the selection's head, as with Shift and an arrow key.
      const [anchor, head] = dir === 1 ? [range.from, range.to] : [range.to, range.from];
      dispatch(state.tr.setSelection(TextSelection.create(doc, anchor, head)).scrollIntoView());
    }
    return true;
  };
}

/// How far, in pixels, the pointer may move between press and release and still count as a
/// click: ProseMirror's own threshold, so that both agree on what a click is.
const CLICK_SLOP = 8;

/// While `isOn()`, a plain click in the text selects the statement it lands in, and a
/// selection dragged with the mouse grows to whole statements when the button is released.
/// A double-click still selects a word and a triple-click a paragraph (the browser's and
/// ProseMirror's own handling, left alone), and a click with a modifier key does what it did.
export function snapToStatementPlugin(isOn: () => boolean): Plugin {
  // The release this plugin turned into a statement, for handleClick below to recognise.
  let snappedClick: Event | null = null;
  return new Plugin({
    view(view) {
      let press: { x: number; y: number } | null = null;
      const down = (event: MouseEvent) => {
        const plain = event.button === 0 && event.detail === 1 && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
        press = plain ? { x: event.clientX, y: event.clientY } : null;
      };
      // Order on release: the tag picker (tagPickerTrigger.ts) listens for mouseup on the
      // document while it bubbles, decides there whether the selection is collapsed, and reads
      // it in a timeout after. This listener is on the root in the capture phase, which runs
      // before any bubbling listener: the statement is already in the state, and in the DOM
      // selection (ProseMirror writes that during dispatch), when the picker looks, so the
      // picker opens on the whole statement. It also runs before ProseMirror's own mouseup
      // handler (on the root too, bubbling), whose click handling handleClick answers below.
      const up = (event: Event) => {
        const start = press;
        press = null;
        const release = event as MouseEvent;
        if (!start || release.button !== 0 || view.isDestroyed || !isOn()) return;
        const { state } = view;
        const click = Math.abs(release.clientX - start.x) <= CLICK_SLOP && Math.abs(release.clientY - start.y) <= CLICK_SLOP;
        let selection: TextSelection;
        if (click) {
          // Where the press was: the selection may still be the one from before the click,
          // when the click began inside it.
          const at = view.posAtCoords({ left: start.x, top: start.y });
          if (!at || !state.doc.resolve(at.pos).parent.isTextblock) return;
          const range = snappedRange(state.doc, textBlocks(state.doc), at.pos, at.pos);
          if (!range) return;
          snappedClick = event;
          selection = TextSelection.create(state.doc, range.from, range.to);
        } else {
          const range = snappedRange(state.doc, textBlocks(state.doc), state.selection.from, state.selection.to);
          if (!range) return;
          selection = keepingDirection(state, range);
        }
        if (!selection.eq(state.selection)) view.dispatch(state.tr.setSelection(selection));
      };
      view.dom.addEventListener('mousedown', down);
      view.root.addEventListener('mouseup', up, true);
      return {
        destroy() {
          view.dom.removeEventListener('mousedown', down);
          view.root.removeEventListener('mouseup', up, true);
        },
      };
    },
    props: {
      // ProseMirror ends a click by putting the cursor where it began, which would undo the
      // statement when the click began inside the selection there was: claimed, it does not.
      handleClick: (_view, _pos, event) => event === snappedClick,
    },
  });
}

interface PositionRange {
  from: number;
  to: number;
}

/// The range from `from` to `to` snapped to whole statements, each end in its own block; a
/// collapsed one becomes the statement around it. Null when there is none to select there.
function snappedRange(doc: Node, blocks: readonly TextBlock[], from: number, to: number): PositionRange | null {
  if (from === to) {
    const block = blocks[blockIndexAt(blocks, from, 1)];
    if (!block || from < block.pos) return null;
    const statement = statementAt(blockText(doc, block), from - block.pos);
    return statement && { from: block.pos + statement.start, to: block.pos + statement.end };
  }
  const first = blocks[blockIndexAt(blocks, from, 1)];
  const last = blocks[blockIndexAt(blocks, to, -1)];
  if (!first || !last || first.pos > last.pos) return null;
  const start = clamp(from - first.pos, first.length);
  const end = clamp(to - last.pos, last.length);
  if (first === last) {
    const range = snapToStatements(blockText(doc, first), start, end);
    return { from: first.pos + range.start, to: first.pos + range.end };
  }
  // An end at its block's edge touches no statement of that block and stays where it is.
  const snappedStart = start < first.length ? snapToStatements(blockText(doc, first), start, first.length).start : start;
  const snappedEnd = end > 0 ? snapToStatements(blockText(doc, last), 0, end).end : end;
  return { from: first.pos + snappedStart, to: last.pos + snappedEnd };
}

/// The range grown by one statement after its end (dir 1) or before its start (dir -1),
/// looking into the following or preceding blocks; null at the document's end or start.
function grownRange(doc: Node, blocks: readonly TextBlock[], from: number, to: number, dir: 1 | -1): PositionRange | null {
  if (dir === 1) {
    const after = blockIndexAt(blocks, to, 1);
    for (let i = after; i >= 0 && i < blocks.length; i++) {
      const block = blocks[i]!;
      const next = statementBounds(blockText(doc, block)).find((s) => block.pos + s.end > to);
      if (next) return { from, to: block.pos + next.end };
    }
    return null;
  }
  for (let i = blockIndexAt(blocks, from, -1); i >= 0; i--) {
    const block = blocks[i]!;
    const previous = statementBounds(blockText(doc, block)).findLast((s) => block.pos + s.start < from);
    if (previous) return { from: block.pos + previous.start, to };
  }
  return null;
}

/// The index of the block holding `pos`, or for a position outside every block's text the
/// next block (side 1) or the one before (side -1); -1 when there is none.
function blockIndexAt(blocks: readonly TextBlock[], pos: number, side: 1 | -1): number {
  const holding = blocks.findIndex((b) => b.pos <= pos && pos <= b.pos + b.length);
  if (holding >= 0) return holding;
  return side === 1 ? blocks.findIndex((b) => b.pos > pos) : blocks.findLastIndex((b) => b.pos + b.length < pos);
}

/// A block's text as the canonical text has it: ProseMirror reads a hard break as its
/// schema's leafText ("\n"), as canonicalText does.
function blockText(doc: Node, block: TextBlock): string {
  return doc.textBetween(block.pos, block.pos + block.length, '');
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(offset, 0), length);
}

/// The range as a selection running the way the current one does (a selection made
/// backwards keeps its anchor at the end).
function keepingDirection(state: EditorState, range: PositionRange): TextSelection {
  const backwards = state.selection.anchor > state.selection.head;
  return TextSelection.create(state.doc, backwards ? range.to : range.from, backwards ? range.from : range.to);
}
