import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { docFromJson } from '../../common/schema.ts';
import { posToOffset, textBlocks } from '../../common/text.ts';
import type { DocumentEditsSaved } from '../../common/types.ts';
import { openLibrary } from '../../core/library.ts';
import { documentEditorState, highlightsOf } from '../../renderer/src/editor/documentEditor.ts';
import { editingActions } from './editingActions.ts';
import { applyTag, removeHighlight, takeInHighlights } from '../../renderer/src/editor/coding.ts';
import { pinHighlights } from '../../renderer/src/editor/pinHighlights.ts';
import { DocumentSaver, type SaveStatus, type SaverOptions } from '../../renderer/src/documentSaver.ts';

const release = `Ministers agree on consultations

5 May 2025

The ministers agreed to hold consultations on information security. Experts will meet in June.`;

/// A real library with one document, and an editor session on it saved by a DocumentSaver
/// (`outliving`: how it sends saves that outlive the page).
async function session(t: TestContext, outliving: Pick<SaverOptions, 'saveOutlivingPage'> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'excerpt-saver-'));
  const library = openLibrary(join(dir, 'library.sqlite'));
  t.after(() => {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const service = library.service;
  const [imported] = (await service.importFiles({ files: [{ name: 'release.txt', bytes: Buffer.from(release).toString('base64') }] })).imported;
  const tag = await service.createTag({ name: 'Commitment' });
  const document = await service.getDocument({ id: imported!.id });
  const start = document.text.indexOf('Experts will meet');
  const existing = await service.createAnnotation({ documentId: document.id, start, end: start + 'Experts will meet'.length, tagIds: [tag.id] });
  const doc = docFromJson(document.doc);
  const results: DocumentEditsSaved[] = [];
  const errors: unknown[] = [];
  const statuses: SaveStatus[] = [];
  const saver = new DocumentSaver({
    documentId: document.id,
    baseHash: document.contentHash,
    savedDoc: doc,
    saved: [existing],
    save: (args) => service.saveDocumentEdits(args),
    ...outliving,
    onSaved: (result) => results.push(result),
    onError: (error) => errors.push(error),
    // As the header shows them: a status told again changes nothing.
    onStatus: (status) => void (statuses.at(-1) !== status && statuses.push(status)),
  });
  const s = {
    service, tag, existing, documentId: document.id, saver, results, errors, statuses,
    state: documentEditorState(doc, highlightsOf(doc, [existing]), [], editingActions),
    dispatch(tr: Transaction) {
      s.state = s.state.applyTransaction(pinHighlights(s.state, tr)).state;
      saver.changed(s.state);
    },
    pos(words: string, after = false): number {
      const blocks = textBlocks(s.state.doc);
      let pos = -1;
      s.state.doc.descendants((node, at) => {
        const i = node.isText ? node.text!.indexOf(words) : -1;
        if (pos < 0 && i >= 0) pos = at + i + (after ? words.length : 0);
      });
      assert.ok(pos >= 0 && posToOffset(blocks, pos) >= 0, `${words} is in the text`);
      return pos;
    },
    select(words: string) {
      s.dispatch(s.state.tr.setSelection(TextSelection.create(s.state.doc, s.pos(words), s.pos(words, true))));
    },
    async stored() {
      const text = (await service.getDocument({ id: document.id })).text;
      const placed = await service.listAnnotations({ documentId: document.id });
      for (const a of placed) assert.equal(text.slice(a.start, a.end), a.exact, 'offsets and quote agree');
      return placed.map((a) => a.exact);
    },
  };
  return s;
}

test('a coding action is saved at once, and the new highlight keeps its key with the id the library gave it', async (t) => {
  const s = await session(t);
  s.select('information security');
  applyTag(s.tag.id, { toggle: true })(s.state, s.dispatch);
  assert.ok(s.saver.pending(), 'something waits to be saved');
  await s.saver.flush();
  assert.ok(!s.saver.pending());
  assert.deepEqual(await s.stored(), ['information security', 'Experts will meet']);
  const made = s.results.at(-1)!.saved[0]!;
  assert.ok(Number(made.key) < 0);
  assert.equal(s.saver.keyOf(made.id), Number(made.key));
  assert.deepEqual(s.errors, []);
});

test('typed text is saved with every highlight moved; a deleted highlight goes to review and undo brings it back', async (t) => {
  const s = await session(t);
  s.dispatch(s.state.tr.insertText('also ', s.pos('Experts will meet')));
  s.dispatch(s.state.tr.insertText('soon ', s.pos('meet')));
  await s.saver.flush();
  assert.match((await s.service.getDocument({ id: s.documentId })).text, /also Experts will soon meet in June/);
  assert.deepEqual(await s.stored(), ['Experts will soon meet']);

  s.dispatch(s.state.tr.delete(s.pos('Experts'), s.pos('meet in June.', true)));
  await s.saver.flush();
  assert.deepEqual(await s.stored(), []);
  const review = await s.service.listReviewItems({ documentId: s.documentId });
  assert.deepEqual(review.map((i) => [i.id, i.reason, i.exact]), [[s.existing.id, 'deleted', 'Experts will soon meet']]);

  const undone = (state: EditorState) => undo(state, s.dispatch);
  assert.ok(undone(s.state));
  await s.saver.flush();
  assert.deepEqual(await s.stored(), ['Experts will soon meet']);
  assert.deepEqual(await s.service.listReviewItems({ documentId: s.documentId }), []);
  assert.equal((await s.service.listAnnotations({ documentId: s.documentId }))[0]!.id, s.existing.id, 'the same highlight, not a copy');
});

test('the header hears where the edits stand: edited while typing, saving, saved; not saved when refused', async (t) => {
  const s = await session(t);
  s.dispatch(s.state.tr.insertText('also ', s.pos('Experts will meet')));
  s.dispatch(s.state.tr.insertText('soon ', s.pos('meet')));
  assert.deepEqual(s.statuses, ['unsaved']);
  await s.saver.flush();
  assert.deepEqual(s.statuses, ['unsaved', 'saving', 'saved']);

  s.statuses.length = 0;
  // Another window changes the text: this session's next save is refused.
  const other = await s.service.getDocument({ id: s.documentId });
  const changed = structuredClone(other.doc) as { content: { content?: { text?: string }[] }[] };
  changed.content.at(-1)!.content![0]!.text += ' Added elsewhere.';
  const [placed] = await s.service.listAnnotations({ documentId: s.documentId });
  await s.service.saveDocumentEdits({ documentId: s.documentId, baseHash: other.contentHash, doc: changed as never, highlights: [{ key: 'x', id: placed!.id, start: placed!.start, end: placed!.end, tagIds: [s.tag.id], note: '' }] });
  s.dispatch(s.state.tr.insertText('Today ', s.pos('The ministers')));
  await s.saver.flush();
  assert.deepEqual(s.statuses, ['unsaved', 'saving', 'failed']);
});

test('a highlight removed and brought back by undo is stored again under a new id', async (t) => {
  const s = await session(t);
  removeHighlight(s.existing.id)(s.state, s.dispatch);
  await s.saver.flush();
  assert.deepEqual(await s.stored(), []);
  assert.ok(undo(s.state, s.dispatch));
  await s.saver.flush();
  assert.deepEqual(await s.stored(), ['Experts will meet']);
  assert.deepEqual(s.errors, []);
});

test('a refused save is reported and kept pending; nothing is half-written', async (t) => {
  const s = await session(t);
  // Another window changes the text first: this session's base is stale.
  const other = await s.service.getDocument({ id: s.documentId });
  const edited = structuredClone(other.doc) as { content: { content?: { text?: string }[] }[] };
  edited.content.at(-1)!.content![0]!.text += ' Added elsewhere.';
  await s.service.saveDocumentEdits({ documentId: s.documentId, baseHash: other.contentHash, doc: edited as never, highlights: [{ key: 'x', id: s.existing.id, start: s.existing.start, end: s.existing.end, tagIds: [s.tag.id], note: '' }] });
  s.dispatch(s.state.tr.insertText('Today ', s.pos('The ministers')));
  await s.saver.flush();
  assert.equal(s.errors.length, 1);
  assert.match(String((s.errors[0] as Error).message), /changed since/i);
  assert.ok(s.saver.pending(), 'the edit is still waiting, not dropped');
  assert.doesNotMatch((await s.service.getDocument({ id: s.documentId })).text, /Today/);
});

test('a highlight deleted elsewhere while the document is open leaves the editor, and the next edit saves', async (t) => {
  const s = await session(t);
  s.select('information security');
  applyTag(s.tag.id, { toggle: true })(s.state, s.dispatch);
  await s.saver.flush();
  // The command line (or another window) deletes the highlight that was there at opening.
  await s.service.deleteAnnotation({ id: s.existing.id });
  const list = await s.service.openDocument({ id: s.documentId });
  assert.deepEqual(s.saver.deletedElsewhere(list.annotations), [s.existing.id]);
  assert.deepEqual(s.saver.deletedElsewhere(list.annotations), [], 'forgotten once taken out');
  s.dispatch(takeInHighlights(s.state, [], [s.saver.keyOf(s.existing.id)]));
  const saves = s.results.length;
  await s.saver.flush();
  assert.equal(s.results.length, saves, 'taking it out leaves nothing to save');

  s.dispatch(s.state.tr.insertText('Today ', s.pos('The ministers')));
  await s.saver.flush();
  assert.deepEqual(s.errors, [], 'the save names no highlight the library no longer has');
  assert.match((await s.service.getDocument({ id: s.documentId })).text, /Today The ministers/);
  assert.deepEqual(await s.stored(), ['information security']);
  // Undo of the deletion is not the analyst's to make: the history holds no step for it.
  assert.ok(undo(s.state, s.dispatch));
  await s.saver.flush();
  assert.doesNotMatch((await s.service.getDocument({ id: s.documentId })).text, /Today/);
  assert.deepEqual(await s.stored(), ['information security']);
});

test('highlights changed or added elsewhere are told apart from what this session saved, once taken in', async (t) => {
  const s = await session(t);
  s.select('information security');
  applyTag(s.tag.id, { toggle: true })(s.state, s.dispatch);
  await s.saver.flush();
  const ours = s.results.at(-1)!.annotations;
  assert.deepEqual(s.saver.changedElsewhere(ours), [], 'a save brings back what it saved');

  // Another window retags the highlight that was there at opening and adds one of its own.
  const other = await s.service.createTag({ name: 'Venue' });
  await s.service.updateAnnotation({ id: s.existing.id, tagIds: [other.id] });
  const start = posToOffset(textBlocks(s.state.doc), s.pos('The ministers'));
  const added = await s.service.createAnnotation({ documentId: s.documentId, start, end: start + 'The ministers'.length });
  const { annotations } = await s.service.openDocument({ id: s.documentId });
  assert.deepEqual(s.saver.changedElsewhere(annotations).map((a) => [a.id, a.tagIds]), [[added.id, []], [s.existing.id, [other.id]]]);
  // Taken in as DocumentView does: into the editor (no step to undo) and as saved.
  const changed = s.saver.changedElsewhere(annotations);
  const tr = takeInHighlights(s.state, highlightsOf(s.state.doc, changed).map((h) => ({ ...h, key: s.saver.keyOf(h.key) })), []);
  s.saver.takeIn(changed);
  s.dispatch(tr);
  assert.deepEqual(s.saver.changedElsewhere(annotations), [], 'taken in as saved');
  const saves = s.results.length;
  await s.saver.flush();
  assert.equal(s.results.length, saves, 'nothing to send back');

  // A highlight this session removed does not come back from a list that still holds it.
  removeHighlight(s.saver.keyOf(added.id))(s.state, s.dispatch);
  await s.saver.flush();
  assert.deepEqual(s.saver.changedElsewhere(annotations), []);
});

/// Sends saves that outlive the page to the service, noting each; `refuse` makes the next ones
/// fail as an unreachable library would, `tooLarge` makes them too large to go that way.
function outlivingSends() {
  const sends = {
    sent: [] as string[],
    refuse: false,
    tooLarge: false,
    service: null as null | Awaited<ReturnType<typeof session>>['service'],
    saveOutlivingPage: (args: Parameters<NonNullable<SaverOptions['saveOutlivingPage']>>[0]) => {
      if (sends.tooLarge) return null;
      sends.sent.push(JSON.stringify(args));
      return sends.refuse ? Promise.reject(new Error('the library could not be reached')) : sends.service!.saveDocumentEdits(args);
    },
  };
  return sends;
}

test('as the page closes, typing still waiting for a pause is sent at once, in a call that outlives the page', async (t) => {
  const sends = outlivingSends();
  const s = await session(t, sends);
  sends.service = s.service;
  s.dispatch(s.state.tr.insertText('Today ', s.pos('The ministers')));
  assert.ok(s.saver.pending(), 'the save waits for a pause in typing');
  assert.equal(s.saver.saveAsPageCloses(), true, 'everything is on its way');
  assert.equal(sends.sent.length, 1, 'sent before saveAsPageCloses returned: the page may be gone right after');
  assert.equal(s.saver.saveAsPageCloses(), true, 'the save under way carries the latest edit');
  await s.saver.flush();
  assert.equal(sends.sent.length, 1, 'sent once');
  assert.match((await s.service.getDocument({ id: s.documentId })).text, /Today The ministers/);
  assert.ok(!s.saver.pending());
});

test('as the page closes, edits that cannot all be sent are owned up to: after a save under way, too large, or after a failed save', async (t) => {
  const sends = outlivingSends();
  const s = await session(t, sends);
  sends.service = s.service;
  s.dispatch(s.state.tr.insertText('Today ', s.pos('The ministers')));
  const saving = s.saver.flush();
  s.dispatch(s.state.tr.insertText('soon ', s.pos('meet')));
  assert.equal(s.saver.saveAsPageCloses(), false, 'the second edit needs the first save\'s answer');
  await saving;
  await s.saver.flush();

  sends.tooLarge = true;
  s.dispatch(s.state.tr.insertText('again ', s.pos('meet')));
  assert.equal(s.saver.saveAsPageCloses(), false, 'too large for a call that outlives the page');
  assert.ok(s.saver.pending(), 'and still waiting to be saved');
  await s.saver.flush();
  assert.match((await s.service.getDocument({ id: s.documentId })).text, /Experts will soon again meet/, 'saved the usual way');

  sends.tooLarge = false;
  sends.refuse = true;
  s.dispatch(s.state.tr.insertText('then ', s.pos('meet')));
  await s.saver.flush();
  assert.match(String((s.saver.lastFailure() as Error).message), /could not be reached/);
  sends.refuse = false;
  const before = sends.sent.length;
  assert.equal(s.saver.saveAsPageCloses(), false, 'sent again, but the analyst is warned: it failed before');
  assert.equal(sends.sent.length, before + 1);
  await s.saver.flush();
  assert.equal(s.saver.lastFailure(), null, 'this time it was saved');
  assert.match((await s.service.getDocument({ id: s.documentId })).text, /Experts will soon again then meet/);
});
