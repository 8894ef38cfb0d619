import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameFilter } from '../../renderer/src/excerpts/sameFilter.ts';

test('two queries are the same whatever order their fields were set in, and differ in any condition', () => {
  assert.ok(sameFilter({ tags: ['ITU role'], from: '2021-01-01' }, { from: '2021-01-01', tags: ['ITU role'] }));
  assert.ok(sameFilter({}, { search: undefined }));
  assert.ok(!sameFilter({ tags: ['ITU role'] }, { tags: ['ITU role'], allTags: true }));
  assert.ok(!sameFilter({ cooccurs: { tag: 'UN', within: 'overlap' } }, { cooccurs: { tag: 'UN', within: 'paragraph' } }));
  assert.ok(!sameFilter({ tags: ['a', 'b'] }, { tags: ['b', 'a'] }));
});
