import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cancelledNote, duplicateNote, importSummary, revisionNote, skippedNote } from './importOutcome.ts';

test('an import is told in the analyst’s words', () => {
  const result = {
    imported: [{ name: 'a.txt', id: 1, title: 'A' }, { name: 'b.txt', id: 2, title: 'B' }],
    duplicates: [{ name: 'c.txt', id: 3, title: 'Joint statement' }],
    revised: [{ name: 'd.txt', id: 4, title: 'Talks', carried: 1, toReview: 2 }],
    failed: [{ name: 'e.pdf', reason: 'it is empty.' }],
  };
  assert.equal(importSummary({ result, skipped: 4, cancelled: 2 }), 'Imported 2 documents and 1 new revision; 1 already in the library; 3 not imported.');
  assert.equal(duplicateNote(result.duplicates[0]!), 'already in the library as “Joint statement”');
  assert.equal(revisionNote(result.revised[0]!), 'new revision of “Talks”: 1 highlight carried, 2 to review');
  assert.equal(skippedNote(1), '1 file in the folders was skipped: hidden, or not a format Excerpt reads.');
  assert.equal(cancelledNote(3), 'The import was cancelled: 3 files were not imported.');
  assert.equal(importSummary({ result: { imported: [], duplicates: [], revised: [], failed: [] }, skipped: 0, cancelled: 0 }), 'Imported 0 documents.');
});
