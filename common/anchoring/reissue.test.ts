// Re-anchoring after the edits a re-issued press release brings: a sentence inserted before,
// a word changed inside a highlight, a paragraph removed, a highlight's text deleted; each
// alone and all together. No highlight may be misplaced: a placed one covers its quote again
// (or, when a word inside it changed, its own changed sentence); the rest go to review (null).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeQuote } from '../quote.ts';
import { reanchor } from './anchor.ts';
import type { TextSelector } from './types.ts';

const release = [
  'Ministry of Foreign Affairs of Arnavia',
  'Press release, 19 November 2021',
  'On 18 November the Parties held the third round of consultations on international information security in Geneva.',
  'The Parties reaffirmed that the United Nations must remain the main venue for negotiations on norms of responsible behaviour of States. They stressed the importance of the Open-ended Working Group.',
  'The delegations discussed a draft convention on countering the use of information and communications technologies for criminal purposes. The Parties agreed to coordinate their positions in the Ad Hoc Committee.',
  'Special attention was paid to the role of the International Telecommunication Union in capacity-building for developing countries.',
  'The Parties agreed to hold the next round of consultations in 2022 in Belmora.',
].join('\n\n');

/// A highlight to carry and what must become of it.
interface Case {
  quote: string;
  nth?: number;
  /// exact: found with the same text; changed: placed on this sentence of the new text; review: not placed.
  expect: 'exact' | 'review' | { changed: string };
}

/// The stored selector of the nth occurrence of `quote`.
function selectorOf(text: string, quote: string, nth = 0): TextSelector {
  let start = text.indexOf(quote);
  for (let n = 0; n < nth; n++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, `"${quote}" is not in the release`);
  return { start, end: start + quote.length, ...describeQuote(text, start, start + quote.length) };
}

function assertCarried(revised: string, cases: readonly Case[]): void {
  const selectors = cases.map((c) => selectorOf(release, c.quote, c.nth));
  const placed = reanchor(release, revised, selectors);
  cases.forEach((c, i) => {
    const range = placed[i]!;
    const label = `"${c.quote}"${c.nth ? ` (#${c.nth + 1})` : ''}`;
    if (c.expect === 'review') {
      assert.equal(range, null, `${label} should go to review, not to "${range && revised.slice(range.start, range.end)}"`);
    } else if (c.expect === 'exact') {
      assert.ok(range, `${label} was not placed`);
      assert.equal(revised.slice(range.start, range.end), c.quote, `${label} was misplaced`);
      // Repeated quotes must land on their own occurrence: the context around them agrees.
      assert.equal(describeQuote(revised, range.start, range.end).suffix.slice(0, 8), selectors[i]!.suffix.slice(0, 8), `${label} landed on another occurrence`);
    } else {
      assert.ok(range, `${label} was not placed`);
      const sentence = revised.indexOf(c.expect.changed);
      assert.ok(sentence >= 0);
      assert.ok(range.start < sentence + c.expect.changed.length && range.end > sentence, `${label} does not overlap its sentence`);
    }
  });
}

const untouched: Case[] = [
  { quote: 'third round of consultations', expect: 'exact' },
  { quote: 'the Open-ended Working Group', expect: 'exact' },
  { quote: 'The Parties agreed', nth: 1, expect: 'exact' },
  { quote: 'next round of consultations in 2022', expect: 'exact' },
  { quote: 'Geneva.\n\nThe Parties reaffirmed', expect: 'exact' }, // across paragraphs
];

test('a sentence inserted before moves every highlight with it', () => {
  const revised = release.replace('Press release, 19 November 2021', 'Press release, 19 November 2021\n\nUpdated on 20 November with the final list of participants.')
    .replace('Special attention', 'The talks were held in a constructive atmosphere. Special attention');
  assertCarried(revised, [
    ...untouched,
    { quote: 'The Parties reaffirmed', expect: 'exact' },
    { quote: 'Special attention was paid to the role of the International Telecommunication Union', expect: 'exact' },
    { quote: 'The Parties', nth: 2, expect: 'exact' },
  ]);
});

test('a word changed inside a highlight keeps it on its sentence', () => {
  const revised = release.replace('must remain the main venue', 'should remain the main venue');
  assertCarried(revised, [
    ...untouched,
    { quote: 'the United Nations must remain the main venue for negotiations on norms', expect: { changed: 'the United Nations should remain' } },
    { quote: 'The Parties reaffirmed that the United Nations must remain', expect: { changed: 'The Parties reaffirmed that the United Nations should remain' } },
  ]);
});

test('a removed paragraph sends its highlights to review and moves the rest', () => {
  const removed = '\n\nSpecial attention was paid to the role of the International Telecommunication Union in capacity-building for developing countries.';
  const revised = release.replace(removed, '');
  assertCarried(revised, [
    ...untouched,
    { quote: 'the role of the International Telecommunication Union', expect: 'review' },
    { quote: 'capacity-building for developing countries', expect: 'review' },
  ]);
});

test('a highlight whose text was deleted goes to review; its neighbours stay', () => {
  const revised = release.replace(' The Parties agreed to coordinate their positions in the Ad Hoc Committee.', '');
  assertCarried(revised, [
    { quote: 'third round of consultations', expect: 'exact' },
    { quote: 'the Open-ended Working Group', expect: 'exact' },
    { quote: 'next round of consultations in 2022', expect: 'exact' },
    { quote: 'agreed to coordinate their positions in the Ad Hoc Committee', expect: 'review' },
    { quote: 'The Parties agreed to coordinate', expect: 'review' },
    { quote: 'a draft convention on countering the use of information', expect: 'exact' },
  ]);
});

test('all four edits at once: nothing misplaced', () => {
  const revised = release
    .replace('Press release, 19 November 2021', 'Press release, 19 November 2021\n\nUpdated on 20 November.')
    .replace('must remain the main venue', 'should remain the main venue')
    .replace('\n\nSpecial attention was paid to the role of the International Telecommunication Union in capacity-building for developing countries.', '')
    .replace(' The Parties agreed to coordinate their positions in the Ad Hoc Committee.', '');
  assertCarried(revised, [
    { quote: 'third round of consultations', expect: 'exact' },
    { quote: 'the Open-ended Working Group', expect: 'exact' },
    { quote: 'next round of consultations in 2022', expect: 'exact' },
    { quote: 'Geneva.\n\nThe Parties reaffirmed', expect: 'exact' },
    { quote: 'the United Nations must remain the main venue for negotiations on norms', expect: { changed: 'the United Nations should remain' } },
    { quote: 'the role of the International Telecommunication Union', expect: 'review' },
    { quote: 'agreed to coordinate their positions in the Ad Hoc Committee', expect: 'review' },
    { quote: 'The Parties agreed', nth: 1, expect: 'exact' },
  ]);
});
