import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeQuote } from '../quote.ts';
import { anchor, reanchor } from './anchor.ts';
import { diffTexts } from './mapThroughDiff.ts';
import type { TextSelector } from './types.ts';

/// The selector a highlight of `quote` (its `nth` occurrence) in `text` is stored with.
function selectorOf(text: string, quote: string, nth = 0): TextSelector {
  let start = text.indexOf(quote);
  for (let n = 0; n < nth; n++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, `"${quote}" is not in the text`);
  return { start, end: start + quote.length, ...describeQuote(text, start, start + quote.length) };
}

const slice = (text: string, range: { start: number; end: number } | null) => range && text.slice(range.start, range.end);

const text = [
  'Joint statement on information security',
  '12 March 2024',
  'The Parties reaffirmed their commitment to the role of the United Nations.',
  'They welcomed the work of the Open-ended Working Group 😊 and called for a convention on information crime.',
  'The Parties agreed to meet again in Geneva.',
].join('\n\n');

test('a highlight still where it was stays there', () => {
  const selector = selectorOf(text, 'Open-ended Working Group 😊');
  assert.deepEqual(anchor(text, selector), { start: selector.start, end: selector.end });
});

test('without a diff, a moved highlight is found by its quote and context', () => {
  const selector = selectorOf(text, 'a convention on information crime');
  const revised = text.replace('12 March 2024', '12 March 2024 (updated 14 March)');
  assert.equal(slice(revised, anchor(revised, selector)), 'a convention on information crime');
});

test('with a diff, a quote repeated in the text follows its own occurrence', () => {
  const second = selectorOf(text, 'The Parties', 1);
  // The paragraph before changes, so the stored prefix no longer agrees; the diff still knows.
  const revised = text.replace('called for a convention on information crime.', 'asked for a treaty.');
  const placed = anchor(revised, second, { diff: diffTexts(text, revised) })!;
  assert.equal(placed.start, revised.lastIndexOf('The Parties'));
});

test('a highlight with one word changed inside it is placed on its changed sentence', () => {
  const selector = selectorOf(text, 'The Parties reaffirmed their commitment to the role of the United Nations.');
  const revised = text.replace('reaffirmed', 'restated');
  const placed = anchor(revised, selector, { diff: diffTexts(text, revised) })!;
  assert.equal(slice(revised, placed), 'The Parties restated their commitment to the role of the United Nations.');
  // Without the diff the quote search finds it as well.
  assert.equal(slice(revised, anchor(revised, selector)), 'The Parties restated their commitment to the role of the United Nations.');
});

test('a highlight whose text was deleted is not placed anywhere', () => {
  const selector = selectorOf(text, 'called for a convention on information crime');
  const revised = text.replace(' and called for a convention on information crime', '');
  assert.equal(anchor(revised, selector, { diff: diffTexts(text, revised) }), null);
  assert.equal(anchor(revised, selector), null);
});

test('a quote left twice with the same context and no way to tell which is ambiguous', () => {
  const block = 'A filler sentence comes first here.\n\nThe Parties agreed to meet again.\n\nAnother filler sentence follows it.';
  const original = `Intro.\n\n${block}\n\n${block}\n\nEnd.`;
  const selector = selectorOf(original, 'agreed to meet', 0);
  const revised = `Intro, rewritten at length.\n\n${block}\n\n${block}\n\nEnd.`;
  assert.equal(anchor(revised, selector), null);
  // The diff says which one it was.
  assert.equal(anchor(revised, selector, { diff: diffTexts(original, revised) })?.start, revised.indexOf('agreed to meet'));
});

test('a short quote is not placed on a near miss elsewhere', () => {
  const original = 'The ITU said yes.\n\nOthers disagreed.';
  const selector = selectorOf(original, 'ITU');
  const revised = 'The union said yes.\n\nOthers disagreed with the ITA.';
  assert.equal(anchor(revised, selector, { diff: diffTexts(original, revised) }), null);
});

test('astral characters: placements never split an emoji or 𝔘', () => {
  const original = 'Intro 😊😊 text.\n\nThe 𝔘nion 🇺🇳 said: "we welcome cooperation" today 😊.';
  const selector = selectorOf(original, 'The 𝔘nion 🇺🇳 said');
  const revised = `New line 😊.\n\n${original.replace('said', 'stated')}`;
  const placed = anchor(revised, selector, { diff: diffTexts(original, revised) })!;
  assert.equal(slice(revised, placed), 'The 𝔘nion 🇺🇳 stated');
  const emoji = selectorOf(original, '😊.');
  assert.equal(slice(revised, anchor(revised, emoji, { diff: diffTexts(original, revised) })), '😊.');
  assert.ok(!/[\ud800-\udbff]$/.test(slice(revised, placed)!));
});

test('reanchor places each highlight of the old text on the new one', () => {
  const selectors = ['The Parties', 'Open-ended Working Group', 'meet again in Geneva'].map((q) => selectorOf(text, q));
  const revised = `Updated.\n\n${text}`;
  assert.deepEqual(reanchor(text, revised, selectors).map((r) => slice(revised, r)), ['The Parties', 'Open-ended Working Group', 'meet again in Geneva']);
  assert.deepEqual(reanchor(text, text, selectors), selectors.map(({ start, end }) => ({ start, end })));
});
