/// `anchor.reanchor`: the 5,000 highlights of the synthetic 1 MB communiqué (syntheticDocument.ts)
/// re-anchored by common/anchoring's `reanchor` (diff, then position, then quote and context)
/// on two new texts: (a) after an edit (a clause typed inside one highlight, a word corrected
/// inside another) and (b) after a re-issue (a paragraph added below the date, 20 sentences
/// inserted, 10 removed, 20 reworded). The baseline is the plainest search on the same input:
/// each highlight's prefix + quote + suffix looked up with indexOf in the new text.
///
/// value and baseline are milliseconds, each the median of five rounds (the two sides
/// alternate), for the slower of the two texts; ratio = value / baseline. The target is the
/// issue's: under 200 ms. The issue also asks for no misplaced highlight on the fixtures. The
/// report line has no field for that, so a misplaced one makes the scenario MISS (whatever
/// the time) and is named on stderr. Misplaced: a highlight whose text the edits left intact
/// that is not placed exactly where that text went (sent to review counts too), or a
/// highlight whose text changed that is placed anywhere but over what became of its text.
///
/// The reference tables of the Hypothesis client and of approx-string-match are checked by
/// common/anchoring/matchQuote.test.ts, not here.
import { reanchor } from '../../common/anchoring/anchor.ts';
import type { TextRange, TextSelector } from '../../common/anchoring/types.ts';
import { describeQuote } from '../../common/quote.ts';
import { progress } from '../importMeasurement.ts';
import { seededRandom } from '../pressReleases.ts';
import type { Measurement, Scenario } from '../scenario.ts';
import { median } from '../statistics.ts';
import { syntheticDocument } from '../syntheticDocument.ts';

const ID = 'anchor.reanchor';
const ROUNDS = 5;

/// One change to a text: `remove` characters at `at` (in the old text) replaced by `insert`.
interface TextEdit {
  at: number;
  remove: number;
  insert: string;
}

/// A new text for the highlights and the edits that made it, in order, not overlapping.
interface Fixture {
  name: string;
  text: string;
  edits: TextEdit[];
}

/// The anchor.reanchor scenario that `npm run bench` runs.
export const scenario: Scenario = {
  id: ID,
  unit: 'ms',
  target: 'value<=200',
  async run(): Promise<Measurement> {
    const document = syntheticDocument();
    const selectors: TextSelector[] = document.highlights.map(({ start, end }) => ({ start, end, ...describeQuote(document.text, start, end) }));
    const fixtures = [analystEdit(document.text, document.highlights), reissue(document.text)];

    let slowest: { value: number; baseline: number } = { value: 0, baseline: 0 };
    const flaws: string[] = [];
    for (const fixture of fixtures) {
      const reanchorTimes: number[] = [];
      const naiveTimes: number[] = [];
      let placed: (TextRange | null)[] = [];
      let naivePlaced: (TextRange | null)[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which side goes first, so neither always runs on a warmer machine.
        for (const side of round % 2 === 0 ? ['reanchor', 'naive'] : ['naive', 'reanchor']) {
          const started = performance.now();
          if (side === 'reanchor') placed = reanchor(document.text, fixture.text, selectors);
          else naivePlaced = naiveSearch(fixture.text, selectors);
          (side === 'reanchor' ? reanchorTimes : naiveTimes).push(performance.now() - started);
        }
      }
      const value = median(reanchorTimes);
      const baseline = median(naiveTimes);
      const outcome = judge(fixture, selectors, placed);
      const naiveOutcome = judge(fixture, selectors, naivePlaced);
      progress(ID, `${fixture.name}: reanchor ${value.toFixed(1)} ms (${outcome.exact} exact, ${outcome.changed} on their changed text, ` +
        `${outcome.toReview} to review, ${outcome.misplaced.length} misplaced); naive search ${baseline.toFixed(1)} ms ` +
        `(${naiveOutcome.misplaced.length} misplaced or lost)`);
      for (const why of outcome.misplaced.slice(0, 5)) progress(ID, `${fixture.name}: misplaced: ${why}`);
      if (outcome.misplaced.length > 0) flaws.push(`${outcome.misplaced.length} highlights misplaced after the ${fixture.name}`);
      if (value > slowest.value) slowest = { value, baseline };
    }
    return { ...slowest, ratio: slowest.value / slowest.baseline, ...(flaws.length > 0 ? { flaw: flaws.join('; ') } : {}) };
  },
};

/// The baseline: each highlight where its prefix, quote and suffix occur together first,
/// or nowhere.
function naiveSearch(text: string, selectors: readonly TextSelector[]): (TextRange | null)[] {
  return selectors.map(({ exact, prefix, suffix }) => {
    const at = text.indexOf(prefix + exact + suffix);
    return at < 0 ? null : { start: at + prefix.length, end: at + prefix.length + exact.length };
  });
}

interface Outcome {
  exact: number;
  changed: number;
  toReview: number;
  /// Why each misplaced highlight is wrong.
  misplaced: string[];
}

/// Each placement held against where the highlight's text went, known from the edits.
function judge(fixture: Fixture, selectors: readonly TextSelector[], placed: readonly (TextRange | null)[]): Outcome {
  const outcome: Outcome = { exact: 0, changed: 0, toReview: 0, misplaced: [] };
  selectors.forEach((selector, i) => {
    const range = placed[i] ?? null;
    const label = `highlight ${i} "${selector.exact.slice(0, 40)}"`;
    const start = newOffset(fixture.edits, selector.start, 1);
    const end = newOffset(fixture.edits, selector.end, -1);
    if (!touches(fixture.edits, selector)) {
      if (range?.start === start && range.end === end) outcome.exact++;
      else outcome.misplaced.push(`${label} is intact at ${start} but was ${range ? `placed at ${range.start}` : 'sent to review'}`);
    } else if (!range) {
      outcome.toReview++;
    } else if (range.start < end && range.end > start) {
      outcome.changed++;
    } else {
      outcome.misplaced.push(`${label} was changed; its text went to ${start}–${end}, it was placed at ${range.start}–${range.end}`);
    }
  });
  return outcome;
}

/// Whether an edit removes or inserts anything inside the selector's quote.
function touches(edits: readonly TextEdit[], { start, end }: TextRange): boolean {
  return edits.some((edit) => edit.remove > 0 ? edit.at < end && edit.at + edit.remove > start : edit.at > start && edit.at < end);
}

/// Where an old offset lies in the new text. An offset at an insertion or inside a removal
/// goes after what replaced it when `bias` is 1, before it when -1.
function newOffset(edits: readonly TextEdit[], offset: number, bias: 1 | -1): number {
  let shift = 0;
  for (const edit of edits) {
    if (offset < edit.at || (offset === edit.at && bias === -1)) break;
    if (offset < edit.at + edit.remove || (offset === edit.at && edit.remove === 0)) {
      return edit.at + shift + (bias === 1 ? edit.insert.length : 0);
    }
    shift += edit.insert.length - edit.remove;
  }
  return offset + shift;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const edit of edits) {
    parts.push(text.slice(from, edit.at), edit.insert);
    from = edit.at + edit.remove;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/// The sentences of the body, as ranges of the text (each ends with its full stop).
function sentencesOf(text: string): TextRange[] {
  return [...text.matchAll(/[^ .\n][^.\n]*\./g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/// (a) An analyst's edit in the middle of the text: a clause typed inside one highlight and,
/// a few highlights on, a word corrected inside another.
function analystEdit(text: string, highlights: readonly TextRange[]): Fixture {
  const typedInto = highlights.findIndex((h, i) => i >= highlights.length >> 1 && text.slice(h.start, h.end).split(' ').length >= 4);
  const space = text.indexOf(' ', highlights[typedInto]!.start + 1);
  // Highlights are in text order, so the corrected word comes after the typed clause.
  const corrected = highlights.slice(typedInto + 5).map((h) => wordToReword(text, h)).find((word) => word !== null)!;
  const edits = [
    { at: space, remove: 0, insert: ', after a long debate,' },
    { at: corrected.start, remove: corrected.end - corrected.start, insert: 'further' },
  ];
  return { name: 'edit', text: applyEdits(text, edits), edits };
}

/// (b) A re-issued communiqué: a paragraph added below the date line, and across the text 20
/// sentences inserted, 10 removed and 20 reworded (one word replaced), each on its own sentence.
function reissue(text: string): Fixture {
  const random = seededRandom(1016);
  const sentences = sentencesOf(text);
  const chosen = new Set<number>();
  const pickSentences = (count: number, ok: (i: number) => boolean) => {
    const picked: number[] = [];
    while (picked.length < count) {
      const i = 1 + Math.floor(random() * (sentences.length - 2));
      if (chosen.has(i) || chosen.has(i - 1) || chosen.has(i + 1) || !ok(i)) continue;
      chosen.add(i);
      picked.push(i);
    }
    return picked;
  };
  // Removed sentences are followed by another in their paragraph: the space after goes with them.
  const followed = (i: number) => text.slice(sentences[i]!.end, sentences[i + 1]!.start) === ' ';
  const edits: TextEdit[] = [];
  const dateEnd = text.indexOf('\n\n', text.indexOf('14 October 2024'));
  edits.push({ at: dateEnd, remove: 0, insert: '\n\nUpdated on 16 October 2024 with the list of participating delegations.' });
  for (const i of pickSentences(20, () => true)) {
    edits.push({ at: sentences[i]!.start, remove: 0, insert: `The co-chairs also noted the statement circulated as document ${100 + i}. ` });
  }
  for (const i of pickSentences(10, followed)) {
    edits.push({ at: sentences[i]!.start, remove: sentences[i + 1]!.start - sentences[i]!.start, insert: '' });
  }
  for (const i of pickSentences(20, () => true)) {
    const word = wordToReword(text, sentences[i]!);
    if (!word) throw new Error(`${ID}: no word to reword in "${text.slice(sentences[i]!.start, sentences[i]!.end)}".`);
    edits.push({ at: word.start, remove: word.end - word.start, insert: 'renewed' });
  }
  edits.sort((a, b) => a.at - b.at);
  return { name: 're-issue', text: applyEdits(text, edits), edits };
}

/// A word of six letters or more in the range, after its first word; null when there is none.
function wordToReword(text: string, range: TextRange): TextRange | null {
  const match = /\s([a-z]{6,})\b/.exec(text.slice(range.start, range.end));
  if (!match) return null;
  const start = range.start + match.index + 1;
  return { start, end: start + match[1]!.length };
}
