import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { redo, undo } from 'prosemirror-history';
import { schema } from '../../common/schema.ts';
import { canonicalText, posToOffset, textBlocks } from '../../common/text.ts';
import type { Annotation } from '../../common/types.ts';
import { documentEditorState, highlightsOf, type EditorActions } from '../../renderer/src/editor/documentEditor.ts';
import { editingActions } from './editingActions.ts';
import { applyTag, changeHighlight, codingState, reattachHighlight, removeHighlight } from '../../renderer/src/editor/coding.ts';
import { pinHighlights } from '../../renderer/src/editor/pinHighlights.ts';
import { selectNeighbourHighlight } from '../../renderer/src/editor/navigation.ts';

const paragraphs = [
  'The ministers agreed to open talks on a convention against information crime.',
  'Both delegations support the role of the ITU in setting technical standards.',
];

function annotation(id: number, exact: string, tagIds: number[] = [1], note = ''): Annotation {
  const text = paragraphs.join('\n\n');
  const start = text.indexOf(exact);
  assert.ok(start >= 0, `${exact} is in the sample`);
  return { id, documentId: 1, start, end: start + exact.length, exact, prefix: '', suffix: '', note, tagIds, createdAt: '', updatedAt: '' };
}

/// An editor state the way DocumentView runs it: every transaction goes through pinHighlights.
class Session {
  state: EditorState;
  constructor(annotations: Annotation[], actions: EditorActions = editingActions) {
    const doc = schema.node('doc', null, paragraphs.map((p) => schema.node('paragraph', null, schema.text(p))));
    this.state = documentEditorState(doc, highlightsOf(doc, annotations), [], actions);
  }
  dispatch = (tr: Transaction) => {
    this.state = this.state.applyTransaction(pinHighlights(this.state, tr)).state;
  };
  text(): string {
    return canonicalText(this.state.doc);
  }
  /// Position in the editor of the first occurrence of `words`.
  pos(words: string, after = false): number {
    const offset = this.text().indexOf(words);
    assert.ok(offset >= 0, `${words} is in the text`);
    const blocks = textBlocks(this.state.doc);
    const target = offset + (after ? words.length : 0);
    const block = [...blocks].reverse().find((b) => b.offset <= target)!;
    return block.pos + target - block.offset;
  }
  select(words: string) {
    this.dispatch(this.state.tr.setSelection(TextSelection.create(this.state.doc, this.pos(words), this.pos(words, true))));
  }
  /// Each highlight's text, by key.
  quotes(): Record<number, string> {
    const blocks = textBlocks(this.state.doc);
    const text = this.text();
    const out: Record<number, string> = {};
    for (const h of codingState(this.state).highlights.values()) out[h.key] = text.slice(posToOffset(blocks, h.from), posToOffset(blocks, h.to));
    return out;
  }
  undo() {
    assert.ok(undo(this.state, this.dispatch), 'there is something to undo');
  }
  redo() {
    assert.ok(redo(this.state, this.dispatch), 'there is something to redo');
  }
}

test('text typed before, inside and after a highlight carries it exactly', () => {
  const s = new Session([annotation(7, 'open talks'), annotation(8, 'role of the ITU')]);
  s.dispatch(s.state.tr.insertText('formally ', s.pos('open talks')));
  s.dispatch(s.state.tr.insertText('bilateral ', s.pos('talks')));
  s.dispatch(s.state.tr.insertText(' soon', s.pos('talks', true)));
  s.dispatch(s.state.tr.insertText('leading ', s.pos('role')));
  assert.deepEqual(s.quotes(), { 7: 'open bilateral talks', 8: 'role of the ITU' });
  assert.match(s.text(), /formally open bilateral talks soon on/);
});

test('tagging is a step of the history: undo and redo take a new highlight away and back', () => {
  const s = new Session([]);
  s.select('information crime');
  assert.ok(applyTag(3, { toggle: true })(s.state, s.dispatch));
  const [made] = codingState(s.state).highlights.values();
  assert.ok(made && made.key < 0, 'a new highlight has a provisional key');
  assert.deepEqual(s.quotes(), { [made.key]: 'information crime' });
  s.undo();
  assert.deepEqual(s.quotes(), {});
  s.redo();
  assert.deepEqual(Object.values(s.quotes()), ['information crime']);
  // The same tag again on the same passage takes it off (the shortcut keys toggle);
  // with no tag and no note left the highlight goes.
  s.select('information crime');
  applyTag(3, { toggle: true })(s.state, s.dispatch);
  assert.deepEqual(s.quotes(), {});
  // The picker only adds: a second tag on the same passage joins the first.
  s.select('information crime');
  applyTag(3, { toggle: false })(s.state, s.dispatch);
  applyTag(3, { toggle: false })(s.state, s.dispatch);
  applyTag(4, { toggle: false })(s.state, s.dispatch);
  assert.deepEqual([...codingState(s.state).highlights.values()].map((h) => h.tagIds), [[3, 4]]);
});

test('a selection with spaces at its edges tags only the words', () => {
  const s = new Session([]);
  s.dispatch(s.state.tr.setSelection(TextSelection.create(s.state.doc, s.pos(' the ITU'), s.pos('ITU ', true))));
  applyTag(1, { toggle: true })(s.state, s.dispatch);
  assert.deepEqual(Object.values(s.quotes()), ['the ITU']);
});

test('deleting a highlight’s whole text sets it aside for review, and undo brings it back where it was', () => {
  const s = new Session([annotation(7, 'open talks'), annotation(8, 'role of the ITU')]);
  s.dispatch(s.state.tr.delete(s.pos('to open talks'), s.pos('to open talks', true) + 1));
  assert.deepEqual(s.quotes(), { 8: 'role of the ITU' });
  assert.deepEqual([...codingState(s.state).deletedByEdit.keys()], [7]);
  s.undo();
  assert.deepEqual(s.quotes(), { 7: 'open talks', 8: 'role of the ITU' });
  assert.equal(codingState(s.state).deletedByEdit.size, 0);
  s.redo();
  assert.deepEqual([...codingState(s.state).deletedByEdit.keys()], [7]);
});

test('undoing a deletion across a highlight’s edge gives it back its full passage', () => {
  const s = new Session([annotation(7, 'convention against information crime')]);
  // Deletes "a convention against" (the highlight's start) in one step.
  s.dispatch(s.state.tr.delete(s.pos('a convention'), s.pos('against ', true)));
  assert.deepEqual(s.quotes(), { 7: 'information crime' });
  s.undo();
  assert.deepEqual(s.quotes(), { 7: 'convention against information crime' });
});

test('a paragraph split inside a highlight keeps it across both paragraphs; joining them back restores one', () => {
  const s = new Session([annotation(7, 'support the role of the ITU')]);
  s.dispatch(s.state.tr.split(s.pos('the role')));
  assert.equal(s.state.doc.childCount, 3);
  assert.deepEqual(s.quotes(), { 7: 'support \n\nthe role of the ITU' });
  s.undo();
  assert.deepEqual(s.quotes(), { 7: 'support the role of the ITU' });
});

test('tags, notes and removal are one step each, and undo covers them in order with text edits', () => {
  const s = new Session([annotation(7, 'open talks', [1]), annotation(8, 'technical standards', [2])]);
  changeHighlight(7, { tagIds: [1, 5] })(s.state, s.dispatch);
  changeHighlight(7, { note: 'first formal step' })(s.state, s.dispatch);
  s.dispatch(s.state.tr.insertText('binding ', s.pos('technical')));
  removeHighlight(8)(s.state, s.dispatch);
  const h = () => codingState(s.state).highlights;
  assert.deepEqual([h().get(7)?.tagIds, h().get(7)?.note, h().has(8)], [[1, 5], 'first formal step', false]);
  s.undo();
  assert.equal(s.quotes()[8], 'technical standards', 'the removed highlight is back');
  assert.match(s.text(), /binding technical/);
  s.undo();
  assert.doesNotMatch(s.text(), /binding/, 'then the text typed before it goes');
  assert.equal(s.quotes()[8], 'technical standards');
  s.undo();
  assert.equal(h().get(7)?.note, '');
  s.undo();
  assert.deepEqual(h().get(7)?.tagIds, [1]);
});

test('a review item goes back on the selected passage under its own id', () => {
  const s = new Session([]);
  assert.equal(reattachHighlight({ id: 12, tagIds: [2], note: 'check' })(s.state, s.dispatch), false, 'nothing selected: nothing happens');
  s.select('technical standards');
  assert.ok(reattachHighlight({ id: 12, tagIds: [2], note: 'check' })(s.state, s.dispatch));
  assert.deepEqual(s.quotes(), { 12: 'technical standards' });
  assert.equal(codingState(s.state).highlights.get(12)?.note, 'check');
});

test('in coding mode the text refuses edits but coding steps and undo pass', () => {
  let editing = true;
  const s = new Session([annotation(7, 'open talks')], { ...editingActions, isEditing: () => editing });
  s.dispatch(s.state.tr.insertText('new ', s.pos('open')));
  editing = false;
  const before = s.text();
  s.dispatch(s.state.tr.insertText('refused ', s.pos('open')));
  assert.equal(s.text(), before, 'typing in coding mode changes nothing');
  s.select('delegations');
  applyTag(2, { toggle: true })(s.state, s.dispatch);
  assert.equal(Object.keys(s.quotes()).length, 2);
  s.undo();
  s.undo();
  assert.equal(s.text(), paragraphs.join('\n\n'), 'undo reaches back to the edit made while editing');
});

test('] and [ walk the highlights in reading order, nested ones after the one around them', () => {
  const s = new Session([annotation(1, 'open talks on a convention'), annotation(2, 'talks'), annotation(3, 'the ITU')]);
  const walk = (direction: 1 | -1) => {
    assert.ok(selectNeighbourHighlight(direction)(s.state, s.dispatch));
    const { from, to } = s.state.selection;
    return s.state.doc.textBetween(from, to);
  };
  s.dispatch(s.state.tr.setSelection(TextSelection.create(s.state.doc, 1)));
  assert.deepEqual([walk(1), walk(1), walk(1)], ['open talks on a convention', 'talks', 'the ITU']);
  assert.equal(selectNeighbourHighlight(1)(s.state, s.dispatch), false, 'nothing after the last');
  assert.deepEqual([walk(-1), walk(-1)], ['talks', 'open talks on a convention']);
});
