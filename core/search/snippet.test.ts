import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MATCH_CLOSE as C, MATCH_OPEN as O, snippetParts } from './snippet.ts';

test('a marked snippet splits into plain and matched parts', () => {
  assert.deepEqual(snippetParts(`…the ${O}ITU${C} role in ${O}Geneva${C}`), [
    { text: '…the ', match: false },
    { text: 'ITU', match: true },
    { text: ' role in ', match: false },
    { text: 'Geneva', match: true },
  ]);
});

test('adjacent matches merge and empty parts vanish', () => {
  assert.deepEqual(snippetParts(`${O}joint${C}${O}statement${C}`), [{ text: 'jointstatement', match: true }]);
  assert.deepEqual(snippetParts('no match at all 😊'), [{ text: 'no match at all 😊', match: false }]);
  assert.deepEqual(snippetParts(''), []);
});
