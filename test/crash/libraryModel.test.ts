import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation } from '../../common/types.ts';
import type { Inspection, StoredDocument, StoredHighlight } from './inspectLibrary.ts';
import { LibraryModel } from './libraryModel.ts';
import type { Release } from './releases.ts';

const release = (name: string, text: string): Release => ({ name, content: text, title: name, text, contentHash: `hash of ${text}` });
const first = release('first.txt', 'The Parties stressed the role of the ITU.');

function storedDocument(id: number, from: Release, earlierTexts: string[] = []): StoredDocument {
  return { id, title: from.title, text: from.text, contentHash: from.contentHash, earlierTexts };
}

function storedHighlight(fields: Partial<StoredHighlight> & { id: number }): StoredHighlight {
  return { documentId: 1, start: 4, end: 11, exact: 'Parties', note: '', tagIds: [], inReview: false, ...fields };
}

function annotation(fields: Partial<Annotation> & { id: number }): Annotation {
  return { documentId: 1, start: 4, end: 11, exact: 'Parties', prefix: '', suffix: '', note: '', tagIds: [], createdAt: '', updatedAt: '', ...fields };
}

function inspection(documents: StoredDocument[], highlights: StoredHighlight[]): Inspection {
  return { corruption: [], notWhole: [], documents: new Map(documents.map((d) => [d.id, d])), highlights: new Map(highlights.map((h) => [h.id, h])) };
}

/// A model that acknowledged document 1 and highlight 10 on it (tags 2 and 1, note "a").
function modelWithOneHighlight(): LibraryModel {
  const model = new LibraryModel();
  model.imported(1, first);
  model.created(annotation({ id: 10, tagIds: [2, 1], note: 'a' }));
  return model;
}

test('a library holding every acknowledged write as acknowledged passes', () => {
  const model = modelWithOneHighlight();
  const found = model.reconcile(inspection([storedDocument(1, first)], [storedHighlight({ id: 10, tagIds: [1, 2], note: 'a' })]));
  assert.deepEqual(found, { lost: [], notWhole: [], committedInFlight: 0 });
  assert.deepEqual(model.acknowledged, { created: 1, edited: 0, deleted: 0, imported: 1, reissued: 0 });
});

test('an acknowledged highlight or document that is missing or changed is a lost write', () => {
  const model = modelWithOneHighlight();
  assert.equal(model.reconcile(inspection([storedDocument(1, first)], [])).lost.length, 1, 'highlight missing');
  const changed = modelWithOneHighlight().reconcile(inspection([storedDocument(1, first)], [storedHighlight({ id: 10, tagIds: [1], note: 'a' })]));
  assert.match(changed.lost.join(), /highlight 10 is .*not as last acknowledged/);
  const moved = modelWithOneHighlight().reconcile(inspection([storedDocument(1, first)], [storedHighlight({ id: 10, tagIds: [1, 2], note: 'a', start: 5 })]));
  assert.match(moved.lost.join(), /not where it was acknowledged/);
  const noDocument = modelWithOneHighlight().reconcile(inspection([], [storedHighlight({ id: 10, tagIds: [1, 2], note: 'a' })]));
  assert.match(noDocument.lost.join(), /document 1 \(first.txt\) was acknowledged but is not in the library/);
});

test('a deleted highlight that comes back is lost; one nobody wrote is not whole', () => {
  const model = modelWithOneHighlight();
  model.deleted(10, 'a');
  const found = model.reconcile(inspection([storedDocument(1, first)], [storedHighlight({ id: 10, note: 'a' }), storedHighlight({ id: 11 })]));
  assert.match(found.lost.join(), /highlight 10 \(note "a"\) is back/);
  assert.match(found.notWhole.join(), /highlight 11 .*was never created/);
});

test('writes in flight may be there or not, and are taken in when there', () => {
  const model = modelWithOneHighlight();
  const second = release('second.txt', 'A second statement.');
  model.unanswered({ kind: 'create', documentId: 1, start: 0, end: 3, tagIds: [1], note: 'created' });
  model.unanswered({ kind: 'update', id: 10, tagIds: [3], note: 'edited' });
  model.unanswered({ kind: 'import', releases: [second] });
  assert.equal(model.inFlight, 3);
  const found = model.reconcile(inspection(
    [storedDocument(1, first), storedDocument(2, second)],
    [storedHighlight({ id: 10, tagIds: [3], note: 'edited' }), storedHighlight({ id: 11, start: 0, end: 3, exact: 'The', tagIds: [1], note: 'created' })],
  ));
  assert.deepEqual(found, { lost: [], notWhole: [], committedInFlight: 3 });
  assert.equal(model.inFlight, 0);
  assert.deepEqual([...model.documents.keys()], [1, 2]);
  assert.equal(model.highlights.get(11)?.note, 'created', 'the created highlight is known from now on');
  assert.deepEqual(model.highlights.get(10)?.tagIds, [3]);

  const notDone = modelWithOneHighlight();
  notDone.unanswered({ kind: 'delete', id: 10, note: 'a' });
  notDone.unanswered({ kind: 'import', releases: [second] });
  assert.deepEqual(notDone.reconcile(inspection([storedDocument(1, first)], [storedHighlight({ id: 10, tagIds: [1, 2], note: 'a' })])), { lost: [], notWhole: [], committedInFlight: 0 });
});

test('an id SQLite hands out again after a delete names the new highlight, whichever answer came first', () => {
  // Highlight 10 is deleted; the next one created gets id 10 again, and its answer arrives first.
  const model = modelWithOneHighlight();
  model.created(annotation({ id: 10, documentId: 1, note: 'b' }));
  model.deleted(10, 'a');
  const reused = storedHighlight({ id: 10, note: 'b' });
  assert.deepEqual(model.reconcile(inspection([storedDocument(1, first)], [reused])), { lost: [], notWhole: [], committedInFlight: 0 });

  // The same with the delete in flight: the id holds another highlight, so the delete happened.
  const inFlight = modelWithOneHighlight();
  inFlight.unanswered({ kind: 'delete', id: 10, note: 'a' });
  inFlight.unanswered({ kind: 'create', documentId: 1, start: 4, end: 11, tagIds: [], note: 'b' });
  assert.deepEqual(inFlight.reconcile(inspection([storedDocument(1, first)], [reused])), { lost: [], notWhole: [], committedInFlight: 2 });
  assert.equal(inFlight.highlights.get(10)?.note, 'b');
});

test('a write in flight found in part is not whole', () => {
  const model = modelWithOneHighlight();
  model.unanswered({ kind: 'update', id: 10, tagIds: [3], note: 'edited' });
  const found = model.reconcile(inspection([storedDocument(1, first)], [storedHighlight({ id: 10, tagIds: [1, 2], note: 'edited' })]));
  assert.match(found.notWhole.join(), /highlight 10, edited while killed, has the edit's note but tags \[1,2\]/);

  const importing = new LibraryModel();
  const second = release('second.txt', 'A second statement.');
  importing.unanswered({ kind: 'import', releases: [second] });
  const truncated = importing.reconcile(inspection([{ ...storedDocument(2, second), text: 'A second' }], []));
  assert.match(truncated.notWhole.join(), /document 2, imported while killed, is not the file second.txt whole/);
});

test('a re-issue keeps the earlier text, and its highlights may stand wherever they were carried', () => {
  const model = modelWithOneHighlight();
  const reissue = release('first-rev1.txt', 'Today the Parties stressed the role of the ITU.');
  model.reissued(1, reissue);
  const moved = storedHighlight({ id: 10, start: 10, end: 17, tagIds: [1, 2], note: 'a' });
  assert.deepEqual(model.reconcile(inspection([storedDocument(1, reissue, [first.text])], [moved])), { lost: [], notWhole: [], committedInFlight: 0 });
  assert.equal(model.highlights.get(10)?.place?.start, 10, 'where it was carried is where it stands from now on');

  const edited = modelWithOneHighlight();
  edited.reissued(1, reissue);
  edited.updated(annotation({ id: 10, tagIds: [1], note: 'b' }));
  const inReview = storedHighlight({ id: 10, tagIds: [1], note: 'b', inReview: true });
  assert.deepEqual(edited.reconcile(inspection([storedDocument(1, reissue, [first.text])], [inReview])), { lost: [], notWhole: [], committedInFlight: 0 },
    'an edit changes tags and note, not where the re-issue put the highlight');

  const forgotten = modelWithOneHighlight();
  forgotten.reissued(1, reissue);
  assert.match(forgotten.reconcile(inspection([storedDocument(1, reissue)], [moved])).lost.join(), /keeps 0 earlier texts, not the 1/);
});
