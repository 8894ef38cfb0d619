import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { schema } from '../../common/schema.ts';
import type { Tag } from '../../common/types.ts';
import { documentEditorState } from '../../renderer/src/editor/documentEditor.ts';
import { editingActions } from './editingActions.ts';
import { applyTag, codingState } from '../../renderer/src/editor/coding.ts';
import type { Highlight } from '../../renderer/src/editor/codingStep.ts';
import { drawNearest, drawnHighlights, highlightDecorations, undrawnBlocks } from '../../renderer/src/editor/highlights.ts';

const tag = (id: number, name: string, color: string): Tag =>
  ({ id, name, color, parentId: null, shortcut: null, position: id, description: '', whenToUse: '', whenNotToUse: '', example: '' });
const tags = [tag(1, 'ITU role', '#d9480f'), tag(2, 'Cybercrime', '#1c7ed6')];

/// 400 paragraphs of 100 characters (far more than is drawn at opening); every tenth holds a
/// highlight, two overlap, and one crosses from paragraph 250 into 251.
function longDocument(): EditorState {
  const line = (i: number) => `Paragraph ${String(i).padStart(3, '0')} of the communiqué: the parties support the ITU role in standards.`.slice(0, 100);
  const doc = schema.node('doc', null, Array.from({ length: 400 }, (_, i) => schema.node('paragraph', null, schema.text(line(i)))));
  const starts: number[] = [];
  doc.forEach((_node, offset) => starts.push(offset + 1));
  const highlights: Highlight[] = [];
  let key = 1;
  for (let i = 0; i < 400; i += 10) highlights.push({ key: key++, from: starts[i]! + 10, to: starts[i]! + 40, tagIds: [1 + (i % 20 === 0 ? 1 : 0)], note: '' });
  highlights.push({ key: key++, from: starts[120]! + 20, to: starts[120]! + 60, tagIds: [1, 2], note: '' });
  highlights.push({ key: key++, from: starts[250]! + 80, to: starts[251]! + 20, tagIds: [2], note: '' });
  return documentEditorState(doc, highlights, tags, editingActions);
}

/// Every decoration as [from, to, class, highlight keys], in order.
function drawn(set: DecorationSet): string[] {
  return set.find().map((d) => {
    const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    return `${d.from}-${d.to} ${attrs.class} [${attrs['data-highlight-keys']}]`;
  });
}

/// The state with every idle drawing done, around `near`, ten paragraphs' worth at a time;
/// how many rounds it took.
function drawAll(state: EditorState, near = 0): { state: EditorState; rounds: number } {
  let rounds = 0;
  for (let tr: Transaction | null; (tr = drawNearest(state, near, 1_000)); rounds++) state = state.apply(tr);
  return { state, rounds };
}

function everything(state: EditorState): string[] {
  return drawn(highlightDecorations(state.doc, [...codingState(state).highlights.values()], new Map(tags.map((t) => [t.id, t.color]))));
}

test('a long document opens with its first screens drawn; the rest, drawn in idle rounds, matches drawing everything at once', () => {
  const opened = longDocument();
  const first = drawn(drawnHighlights(opened));
  assert.ok(first.length > 0, 'the top of the document shows its highlights at once');
  assert.ok(first.length < everything(opened).length / 2, `only the first screens are drawn at opening (${first.length} of ${everything(opened).length})`);
  // Only paragraphs holding a highlight wait to be drawn: 40 tenth paragraphs, 121, and 251.
  const waiting = undrawnBlocks(opened).length;
  assert.ok(waiting > 20 && waiting < 45, `${waiting} blocks wait`);

  const { state, rounds } = drawAll(opened);
  assert.ok(rounds >= 2, `drawn in several idle rounds (${rounds})`);
  assert.deepEqual(undrawnBlocks(state), []);
  assert.deepEqual(drawn(drawnHighlights(state)), everything(state));
  assert.equal(drawNearest(state, 0), null, 'nothing left to draw');
  assert.equal(state.doc, opened.doc, 'drawing changes no text');
});

test('idle drawing starts around the given position, below it and above it in turns', () => {
  const opened = longDocument();
  const middle = opened.doc.content.size / 2;
  const tr = drawNearest(opened, middle, 500)!;
  const state = opened.apply(tr);
  const before = new Set(undrawnBlocks(opened));
  const taken = [...before].filter((pos) => !undrawnBlocks(state).includes(pos));
  assert.ok(taken.length >= 4, `${taken.length} blocks drawn`);
  assert.ok(taken.some((pos) => pos < middle) && taken.some((pos) => pos > middle), 'blocks on both sides of the position');
  const nearest = [...before].sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle)).slice(0, taken.length);
  assert.deepEqual(taken.sort((a, b) => a - b), nearest.sort((a, b) => a - b), 'the nearest blocks first');
});

test('edits and coding before the idle drawing is done keep the blocks still to draw in step with the text', () => {
  let state = longDocument();
  // Text typed at the top moves every undrawn block down.
  state = state.apply(state.tr.insertText('Inserted words. ', 3));
  // A new highlight in a paragraph not drawn yet draws that paragraph at once.
  const target = undrawnBlocks(state).at(-1)!;
  const withSelection = state.apply(state.tr.setSelection(TextSelection.create(state.doc, target + 2, target + 30)));
  let coded: EditorState = withSelection;
  assert.ok(applyTag(2, { toggle: true })(withSelection, (tr) => (coded = withSelection.apply(tr))));
  assert.ok(!undrawnBlocks(coded).includes(target), 'the coded block is drawn');
  assert.ok(drawn(drawnHighlights(coded)).some((d) => d.startsWith(`${target + 2}-`)), 'the new highlight shows');

  const { state: done } = drawAll(coded, coded.doc.content.size);
  assert.deepEqual(drawn(drawnHighlights(done)), everything(done));
});
