// matchQuote against the reference tables of the Hypothesis client and of approx-string-match
// (../shared/reference/anchoring/, asserted as their `_format` fields say), then our own cases.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import search from 'approx-string-match';
import { matchQuote, scoreMatches } from './matchQuote.ts';

const referenceDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'anchoring');

/// The fixture file, or undefined after marking the test skipped when the folder is absent.
function fixtures<T>(t: TestContext, file: string): T | undefined {
  const path = join(referenceDir, file);
  if (!existsSync(path)) {
    t.skip(`reference folder not found: ${referenceDir} (it sits beside the repository in the team's workspace; a fresh clone has none)`);
    return undefined;
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

interface HypothesisFixtures {
  texts: Record<string, string>;
  contextCases: { cases: { quote: string; prefix?: string; suffix?: string; expected: string }[] };
  rankingCases: {
    quoteSimilarity: { text: string; quotes: string[] };
    prefixSimilarity: { text: string; quote: string; prefixes: string[] };
    suffixSimilarity: { text: string; quote: string; suffixes: string[] };
  };
  singleCases: {
    text?: string; textLiteral?: string; quote?: string; quoteFromText?: string; prefix?: string; suffix?: string;
    hintAt?: string; hintPlus?: number; expectStartAtHint?: boolean;
    expectExact?: string; expectScore?: number; expectScoreBetween?: [number, number]; expectNull?: boolean;
  }[];
}

type Expected = { start: number; end: number; errors: number };
interface ApproxFixtures {
  fixtures: Record<string, [string, string, Expected[]][]>;
}

test('hypothesis: context picks the right one of several exact occurrences', (t) => {
  const f = fixtures<HypothesisFixtures>(t, 'hypothesis-match-quote.fixtures.json');
  if (!f) return;
  const text = f.texts.twoCities!;
  for (const { quote, prefix, suffix, expected } of f.contextCases.cases) {
    const match = matchQuote(text, quote, { prefix, suffix });
    assert.ok(match, `${quote} / ${prefix ?? ''} / ${suffix ?? ''}`);
    assert.equal(text.slice(match.start, match.end), quote);
    assert.equal(match.start, text.indexOf(expected), `${quote} with prefix ${prefix} suffix ${suffix}`);
  }
});

test('hypothesis: scores fall strictly as the quote, prefix or suffix agrees less', (t) => {
  const f = fixtures<HypothesisFixtures>(t, 'hypothesis-match-quote.fixtures.json');
  if (!f) return;
  const { quoteSimilarity, prefixSimilarity, suffixSimilarity } = f.rankingCases;
  const strictlyFalling = (scores: number[], label: string) => {
    for (let i = 1; i < scores.length; i++) assert.ok(scores[i]! < scores[i - 1]!, `${label}: ${scores.join(' > ')}`);
  };
  strictlyFalling(quoteSimilarity.quotes.map((quote) => matchQuote(f.texts[quoteSimilarity.text]!, quote)!.score), 'quote');
  strictlyFalling(prefixSimilarity.prefixes.map((prefix) =>
    matchQuote(f.texts[prefixSimilarity.text]!, prefixSimilarity.quote, { prefix })!.score), 'prefix');
  strictlyFalling(suffixSimilarity.suffixes.map((suffix) =>
    matchQuote(f.texts[suffixSimilarity.text]!, suffixSimilarity.quote, { suffix })!.score), 'suffix');
});

test('hypothesis: single cases (exact, approximate, missing, empty, hinted)', (t) => {
  const f = fixtures<HypothesisFixtures>(t, 'hypothesis-match-quote.fixtures.json');
  if (!f) return;
  for (const c of f.singleCases) {
    const text: string = c.textLiteral ?? f.texts[c.text!]!;
    const quote: string = c.quote ?? f.texts[c.quoteFromText!]!;
    const label = JSON.stringify(c);
    if (c.hintAt !== undefined) {
      const hint: number = text.indexOf(c.hintAt) + c.hintPlus!;
      assert.equal(matchQuote(text, quote, { hint })?.start, hint, label);
      // The other occurrence, hinted at, wins in its turn; with no hint the earliest does.
      const other = text.indexOf('nothing before us') + 'nothing '.length;
      assert.equal(matchQuote(text, quote, { hint: other })?.start, other, label);
      assert.equal(matchQuote(text, quote)?.start, Math.min(hint, other), label);
      continue;
    }
    const match = matchQuote(text, quote, { prefix: c.prefix, suffix: c.suffix });
    if (c.expectNull) {
      assert.equal(match, null, label);
      continue;
    }
    assert.ok(match, label);
    if (c.expectExact !== undefined) assert.equal(text.slice(match.start, match.end), c.expectExact, label);
    if (c.expectScore !== undefined) assert.equal(match.score, c.expectScore, label);
    if (c.expectScoreBetween) {
      assert.ok(match.score > c.expectScoreBetween[0] && match.score < c.expectScoreBetween[1], `${label}: ${match.score}`);
    }
  }
});

test('approx-string-match: the closest matches of its reference table', (t) => {
  const f = fixtures<ApproxFixtures>(t, 'approx-string-match.fixtures.json');
  if (!f) return;
  let checked = 0;
  for (const [group, cases] of Object.entries(f.fixtures)) {
    for (const [text, pattern, expected] of cases) {
      const matches = search(text, pattern, pattern.length);
      const fewest = Math.min(...matches.map((m) => m.errors));
      const closest = matches.filter((m) => m.errors === fewest);
      const label = `${group}: ${pattern} in ${text}`;
      if (closest.length === 1 && expected.length > 1) {
        assert.ok(expected.some((e) => isDeepStrictEqual(e, closest[0]!)), label);
      } else {
        assert.deepEqual(closest, expected, label);
      }
      checked++;
    }
  }
  assert.ok(checked >= 10, `only ${checked} cases were read`);
});

const isDeepStrictEqual = (a: Expected, b: Expected) => a.start === b.start && a.end === b.end && a.errors === b.errors;

test('an exact quote scores 1 with matching context, less with context that differs', () => {
  const text = 'The Parties agreed. The Council agreed. The Parties agreed again.';
  const best = matchQuote(text, 'agreed', { prefix: 'The Council ', suffix: '. The' })!;
  assert.equal(best.start, text.indexOf('Council agreed') + 'Council '.length);
  assert.equal(best.score, 1);
  const ranked = scoreMatches(text, 'agreed', { prefix: 'The Council ', suffix: '. The' });
  assert.equal(ranked.length, 3);
  assert.ok(ranked[1]!.score < 1);
});

test('quotes with astral characters are found exactly and approximately', () => {
  const text = 'Intro 😊 text. The 𝔘nion said: "we welcome 🇺🇳 cooperation" today.';
  const exact = matchQuote(text, 'we welcome 🇺🇳 cooperation')!;
  assert.equal(text.slice(exact.start, exact.end), 'we welcome 🇺🇳 cooperation');
  const approximate = matchQuote(text, 'The 𝔘nion sad')!;
  assert.equal(approximate.start, text.indexOf('The 𝔘nion'));
  assert.ok(approximate.quoteSimilarity < 1 && approximate.quoteSimilarity > 0.8);
});

test('an approximate match near the hint is found even when a closer match lies elsewhere', () => {
  const far = 'the delegates welcomed the draft convention. ';
  const filler = 'Unrelated words fill the page here. '.repeat(40);
  const text = `${far}${filler}The delegates welcomed a draft convention on crime. ${filler}`;
  const hint = text.indexOf('The delegates welcomed a');
  const ranked = scoreMatches(text, 'The delegates welcomed the draft convention', { hint, maxErrors: 10, prefix: filler.slice(-32) });
  assert.equal(ranked[0]!.start, hint);
});
