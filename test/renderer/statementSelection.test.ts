import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { schema } from '../../common/schema.ts';
import { extendByStatement, selectStatement, snapToStatementPlugin } from '../../renderer/src/editor/statementSelection.ts';

const { doc, paragraph, heading, bullet_list, list_item, hard_break } = schema.nodes;
const p = (...parts: (string | Node)[]) => paragraph!.create(null, parts.map((part) => (typeof part === 'string' ? schema.text(part) : part)));

const release = doc!.create(null, [
  heading!.create({ level: 1 }, schema.text('Joint statement on maritime cooperation')),
  p('The foreign ministers met in Lisbon on 4 June. ', schema.text('They adopted', [schema.marks.strong!.create()]), ' a joint plan 🌊. Talks will continue.'),
  p(),
  p('The chair said: “We are ready. The door stays open.” Journalists asked questions.'),
  bullet_list!.create(null, [list_item!.create(null, [p('Mr. Ortega spoke first. Ms. Lindqvist followed.')])]),
  p('Next steps', hard_break!.create(), 'Experts meet in July. A report follows.'),
]);

/// The position of the first character of `text` in the document (after `after`, if given).
function posOf(text: string, after = 0): number {
  let found = -1;
  release.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const i = node.text!.indexOf(text, Math.max(0, after - pos));
    if (i >= 0) found = pos + i;
    return false;
  });
  assert.ok(found >= 0, `“${text}” is in the test document`);
  return found;
}

function stateWith(anchor: number, head = anchor): EditorState {
  return EditorState.create({ doc: release, selection: TextSelection.create(release, anchor, head) });
}

/// Runs a command; returns whether it applied and the state after it.
function run(command: Command, state: EditorState): { applied: boolean; state: EditorState } {
  let next = state;
  const applied = command(state, (tr) => {
    next = next.apply(tr);
  });
  return { applied, state: next };
}

function selectedText(state: EditorState): string {
  const { from, to } = state.selection;
  return state.doc.textBetween(from, to, '|');
}

test('with a cursor inside a sentence, selectStatement selects that statement', () => {
  const { applied, state } = run(selectStatement, stateWith(posOf('adopted') + 2));
  assert.equal(applied, true);
  // Across a bold mark and an emoji: marks split text nodes, not statements.
  assert.equal(selectedText(state), 'They adopted a joint plan 🌊.');
  assert.equal(state.selection.from, posOf('They adopted'));
  assert.equal(state.selection.to, posOf(' Talks will'));
});

test('a statement with a quotation in it is selected whole, up to its closing mark', () => {
  const { state } = run(selectStatement, stateWith(posOf('door')));
  assert.equal(selectedText(state), 'The chair said: “We are ready. The door stays open.”');
  const inTitle = run(selectStatement, stateWith(posOf('Ms.') + 1)).state;
  assert.equal(selectedText(inTitle), 'Ms. Lindqvist followed.');
});

test('the cursor at a statement\'s full stop or in the space after it selects that statement', () => {
  const stop = posOf(' Talks will');
  assert.equal(selectedText(run(selectStatement, stateWith(stop)).state), 'They adopted a joint plan 🌊.');
  assert.equal(selectedText(run(selectStatement, stateWith(stop + 1)).state), 'Talks will continue.');
});

test('a hard break separates statements, and positions after it stay aligned', () => {
  assert.equal(selectedText(run(selectStatement, stateWith(posOf('Experts') + 3)).state), 'Experts meet in July.');
  assert.equal(selectedText(run(selectStatement, stateWith(posOf('report'))).state), 'A report follows.');
  assert.equal(selectedText(run(selectStatement, stateWith(posOf('steps'))).state), 'Next steps');
});

test('a selection in one block grows to the whole statements it touches, keeping its direction', () => {
  const from = posOf('ministers');
  const to = posOf('joint plan');
  const forward = run(selectStatement, stateWith(from, to)).state;
  assert.equal(selectedText(forward), 'The foreign ministers met in Lisbon on 4 June. They adopted a joint plan 🌊.');
  assert.ok(forward.selection.anchor < forward.selection.head);
  const backward = run(selectStatement, stateWith(to, from)).state;
  assert.equal(selectedText(backward), selectedText(forward));
  assert.ok(backward.selection.anchor > backward.selection.head, 'a backward selection stays backward');
});

test('a selection over several blocks snaps its start in its block and its end in its own', () => {
  const { state } = run(selectStatement, stateWith(posOf('continue'), posOf('stays open')));
  assert.equal(selectedText(state), 'Talks will continue.||The chair said: “We are ready. The door stays open.”');
});

test('a selection already on statement bounds stays, and the command still applies', () => {
  const from = posOf('Mr. Ortega');
  const to = posOf(' Ms. Lindqvist');
  let dispatched = 0;
  const applied = selectStatement(stateWith(from, to), () => dispatched++);
  assert.equal(applied, true);
  assert.equal(dispatched, 0);
});

test('selectStatement does not apply in an empty paragraph', () => {
  const empty = posOf('Talks will') + 'Talks will continue.'.length + 2;
  assert.equal(release.resolve(empty).parent.content.size, 0, 'the position is in the empty paragraph');
  assert.equal(run(selectStatement, stateWith(empty)).applied, false);
});

test('extendByStatement(1) selects the statement, then grows statement by statement across blocks', () => {
  let state = stateWith(posOf('Lisbon'));
  const added: string[] = [];
  for (let result = run(extendByStatement(1), state); result.applied; result = run(extendByStatement(1), state)) {
    const before = state.selection;
    state = result.state;
    assert.equal(state.selection.anchor, posOf('The foreign'), 'the start stays anchored');
    assert.equal(state.selection.head, state.selection.to, 'the head is the end that grows');
    added.push(before.empty ? selectedText(state) : state.doc.textBetween(before.to, state.selection.to, '|').replace(/^[\s|]+/, ''));
  }
  assert.deepEqual(added, [
    'The foreign ministers met in Lisbon on 4 June.',
    'They adopted a joint plan 🌊.',
    'Talks will continue.',
    // The empty paragraph has no statement: the next step is in the block after it.
    'The chair said: “We are ready. The door stays open.”',
    'Journalists asked questions.',
    'Mr. Ortega spoke first.',
    'Ms. Lindqvist followed.',
    'Next steps',
    'Experts meet in July.',
    'A report follows.',
  ]);
  assert.equal(state.selection.to, release.content.size - 1, 'the last step ends at the end of the last paragraph');
});

test('extendByStatement(-1) grows backwards into the blocks before, its head at the start', () => {
  const start = stateWith(posOf('Journalists'), posOf('Journalists') + 'Journalists asked questions.'.length);
  const once = run(extendByStatement(-1), start).state;
  assert.equal(selectedText(once), 'The chair said: “We are ready. The door stays open.” Journalists asked questions.');
  assert.equal(once.selection.head, posOf('The chair'));
  const twice = run(extendByStatement(-1), once).state;
  assert.equal(selectedText(twice), 'Talks will continue.||The chair said: “We are ready. The door stays open.” Journalists asked questions.');
  const atTitle = stateWith(1, 1 + 'Joint statement on maritime cooperation'.length);
  assert.equal(run(extendByStatement(-1), atTitle).applied, false, 'nothing comes before the title');
});

test('extendByStatement first snaps a partial selection to whole statements', () => {
  const { state } = run(extendByStatement(1), stateWith(posOf('door'), posOf('asked')));
  assert.equal(selectedText(state), 'The chair said: “We are ready. The door stays open.” Journalists asked questions.');
});

test('the plugin claims no click it did not snap', () => {
  const plugin = snapToStatementPlugin(() => true);
  const handleClick = plugin.props.handleClick!;
  assert.equal(handleClick.call(plugin, {} as never, 1, new Event('mouseup') as never), false);
});
