import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffTexts, mapNear, mapRange, MAX_EDITS } from './mapThroughDiff.ts';

/// Every kept stretch really is the same text on both sides, in order, without overlaps.
function assertKeptIsShared(oldText: string, newText: string): void {
  const { kept } = diffTexts(oldText, newText);
  let from = 0;
  let to = 0;
  for (const stretch of kept) {
    assert.ok(stretch.from >= from && stretch.to >= to && stretch.length > 0);
    assert.equal(oldText.slice(stretch.from, stretch.from + stretch.length), newText.slice(stretch.to, stretch.to + stretch.length));
    from = stretch.from + stretch.length;
    to = stretch.to + stretch.length;
  }
}

const paragraphs = [
  'Ministers met in Geneva.',
  'They agreed on a convention on information crime, with reservations.',
  'The ITU will host the secretariat 😊 for two years.',
  'Reference: PR-1.',
];
const original = paragraphs.join('\n\n');

test('an unchanged text is one kept stretch', () => {
  assert.deepEqual(diffTexts(original, original).kept, [{ from: 0, to: 0, length: original.length }]);
  assert.deepEqual(diffTexts('', '').kept, []);
});

test('a sentence inserted before moves everything after it', () => {
  const revised = `Updated 3 May.\n\n${original}`;
  assertKeptIsShared(original, revised);
  const diff = diffTexts(original, revised);
  const start = original.indexOf('convention');
  assert.deepEqual(mapRange(diff, { start, end: start + 10 }), { start: revised.indexOf('convention'), end: revised.indexOf('convention') + 10 });
});

test('a word changed inside a paragraph leaves the words around it mapped', () => {
  const revised = original.replace('with reservations', 'without reservations').replace('Ministers met', 'Ministers gathered');
  assertKeptIsShared(original, revised);
  const diff = diffTexts(original, revised);
  const at = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  assert.deepEqual(mapRange(diff, at(original, 'convention on information crime')), at(revised, 'convention on information crime'));
  assert.deepEqual(mapRange(diff, at(original, 'secretariat 😊')), at(revised, 'secretariat 😊'));
  // Both ends kept, the middle changed: mapped, and the caller sees the slice differs.
  const spanning = mapRange(diff, at(original, 'crime, with reservations'))!;
  assert.equal(revised.slice(spanning.start, spanning.end), 'crime, without reservations');
  // An end inside the changed word maps nowhere.
  assert.equal(mapRange(diff, at(original, 'met in')), null);
  assert.equal(mapNear(diff, original.indexOf('met in')), revised.indexOf('gathered in'));
});

test('a paragraph removed and one rewritten elsewhere', () => {
  const revised = [paragraphs[0], paragraphs[2]!.replace('two', 'three'), paragraphs[3]].join('\n\n');
  assertKeptIsShared(original, revised);
  const diff = diffTexts(original, revised);
  const removed = original.indexOf('agreed on');
  assert.equal(mapRange(diff, { start: removed, end: removed + 9 }), null);
  const itu = original.indexOf('The ITU');
  assert.deepEqual(mapRange(diff, { start: itu, end: itu + 7 }), { start: revised.indexOf('The ITU'), end: revised.indexOf('The ITU') + 7 });
});

test('texts too different to align keep only what they share at both ends, and stay cheap', () => {
  assertKeptIsShared('abc', 'xyz');
  assert.deepEqual(diffTexts('abc', 'xyz').changed, [{ start: 0, end: 3 }]);
  const many = (word: string) => Array.from({ length: MAX_EDITS * 2 }, (_, i) => `${word} ${i}.`).join('\n\n');
  const before = `Same head.\n\n${many('alpha')}\n\nSame tail.`;
  const after = `Same head.\n\n${many('omega')}\n\nSame tail.`;
  const started = performance.now();
  const diff = diffTexts(before, after);
  assert.ok(performance.now() - started < 2000);
  assertKeptIsShared(before, after);
  assert.deepEqual(diff.kept.map((k) => k.length), ['Same head.\n\n'.length, 'Same tail.'.length]);
  assert.equal(mapRange(diff, { start: before.indexOf('alpha 7.'), end: before.indexOf('alpha 7.') + 8 }), null);
});
