// 5,000 highlights on a text of about 1 MB, re-anchored after a re-issue that inserts a
// sentence near the top, changes a word in the middle and removes a paragraph near the end:
// well under 200 ms (issue 4's anchor.reanchor budget), and none misplaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeQuote } from '../quote.ts';
import { reanchor } from './anchor.ts';
import type { TextSelector } from './types.ts';

/// The anchor.reanchor budget; the figure itself is logged.
const BUDGET_MS = 200;

function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const vocabulary = ('parties ministers delegations convention information security cooperation agreed stressed welcomed ' +
  'united nations union telecommunication group working open-ended crime criminal purposes technologies norms ' +
  'responsible behaviour states venue negotiations consultations round geneva capacity-building developing countries ' +
  'reaffirmed importance committee positions coordinate draft countering communications role special attention ' +
  'сотрудничество безопасность 😊 𝔘nion').split(' ');

function generateText(random: () => number, bytes: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < bytes) {
    const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () => {
      const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
      return `${words.join(' ')}.`;
    });
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

test('5,000 highlights on 1 MB re-anchor quickly after a few edits, none misplaced', (t) => {
  const random = seeded(7);
  const original = generateText(random, 1_000_000);
  const selectors: TextSelector[] = Array.from({ length: 5000 }, () => {
    const start = original.indexOf(' ', Math.floor(random() * (original.length - 400))) + 1;
    const end = original.indexOf(' ', start + 15 + Math.floor(random() * 200));
    return { start, end, ...describeQuote(original, start, end) };
  });

  const added = ' A sentence added by the re-issue.';
  const insertAt = original.indexOf('\n\n', 2000);
  const changedWord = original.indexOf(' convention ', original.length / 2) + 1;
  const removedFrom = original.indexOf('\n\n', Math.floor(original.length * 0.8));
  const removedTo = original.indexOf('\n\n', removedFrom + 2);
  const revised = original.slice(0, insertAt) + added + original.slice(insertAt, changedWord) + 'treaty' +
    original.slice(changedWord + 'convention'.length, removedFrom) + original.slice(removedTo);
  /// Where an old offset is in the revised text, by construction.
  const moved = (offset: number) => offset + (offset > insertAt ? added.length : 0) +
    (offset >= changedWord + 'convention'.length ? 'treaty'.length - 'convention'.length : 0) - (offset >= removedTo ? removedTo - removedFrom : 0);

  // Best of three: a busy machine (the rest of the suite runs beside this) only ever slows a run down.
  let placed: ReturnType<typeof reanchor> = [];
  let elapsed = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    placed = reanchor(original, revised, selectors);
    elapsed = Math.min(elapsed, performance.now() - started);
  }
  t.diagnostic(`re-anchored ${selectors.length} highlights on ${original.length} characters in ${elapsed.toFixed(1)} ms`);

  let exact = 0;
  let changed = 0;
  let toReview = 0;
  selectors.forEach((selector, i) => {
    const range = placed[i];
    const crosses = (from: number, to: number) => selector.start < to && selector.end > from;
    const edited = crosses(insertAt, insertAt + 1) || crosses(changedWord, changedWord + 'convention'.length) || crosses(removedFrom, removedTo);
    const label = `highlight ${i} "${selector.exact.slice(0, 40)}"`;
    if (!range) {
      toReview++;
      assert.ok(edited, `${label} went to review without reason`);
    } else if (revised.slice(range.start, range.end) === selector.exact) {
      exact++;
      assert.equal(range.start, moved(selector.start), `${label} landed on another occurrence`);
    } else {
      changed++;
      assert.ok(edited, `${label} was misplaced`);
      assert.ok(range.start < moved(selector.end) && range.end > moved(selector.start), `${label} is not on its own text`);
    }
  });
  t.diagnostic(`${exact} carried exactly, ${changed} on their changed text, ${toReview} to review`);
  assert.ok(toReview > 0 && exact > 4900);
  assert.ok(elapsed < BUDGET_MS, `re-anchoring took ${elapsed.toFixed(0)} ms`);

  let same: ReturnType<typeof reanchor> = [];
  let unchangedElapsed = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    same = reanchor(original, original, selectors);
    unchangedElapsed = Math.min(unchangedElapsed, performance.now() - started);
  }
  t.diagnostic(`unchanged text: ${unchangedElapsed.toFixed(1)} ms`);
  assert.ok(same.every((range, i) => range?.start === selectors[i]!.start));
});
