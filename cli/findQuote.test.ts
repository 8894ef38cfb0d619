import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuote } from './findQuote.ts';

const text = 'Title 😀\n\nThe Parties “support an enhanced role” for the ITU.\n\nThe Parties agree.';

test('the first exact occurrence, in UTF-16 offsets, end exclusive', () => {
  const match = findQuote(text, 'The Parties');
  assert.deepEqual(match, { found: true, start: 10, end: 21, occurrences: 2 });
  assert.deepEqual(findQuote(text, 'ITU.\n\nThe'), { found: true, start: 57, end: 66, occurrences: 1 });
});

test('no exact occurrence: the passage that differs only in spacing, case or quotation marks', () => {
  assert.deepEqual(findQuote(text, 'the parties "support  an enhanced role"'), { found: false, nearly: 'The Parties “support an enhanced role”' });
  assert.deepEqual(findQuote(text, 'for the I.T.U.'), { found: false, nearly: null });
  assert.deepEqual(findQuote(text, 'role (for'), { found: false, nearly: null }, 'regular-expression characters are taken literally');
});
