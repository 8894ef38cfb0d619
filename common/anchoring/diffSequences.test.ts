import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffSequences, type EditRun } from './diffSequences.ts';

/// Applies the runs to `a`, taking inserted items from `b`; checks kept items are equal.
function apply<T>(a: readonly T[], b: readonly T[], runs: readonly EditRun[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  for (const run of runs) {
    for (let n = 0; n < run.count; n++) {
      if (run.kind === 'keep') {
        assert.equal(a[i], b[j]);
        out.push(a[i++]!);
        j++;
      } else if (run.kind === 'delete') {
        i++;
      } else {
        out.push(b[j++]!);
      }
    }
  }
  assert.equal(i, a.length);
  return out;
}

/// Fewest insertions plus deletions, by the textbook longest-common-subsequence table.
function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      lcs[i]![j] = a[i - 1] === b[j - 1] ? lcs[i - 1]![j - 1]! + 1 : Math.max(lcs[i - 1]![j]!, lcs[i]![j - 1]!);
    }
  }
  return a.length + b.length - 2 * lcs[a.length]![b.length]!;
}

test('the runs turn the old sequence into the new one', () => {
  const a = [...'the quick brown fox'];
  const b = [...'the quick red fox jumps'];
  const runs = diffSequences(a, b, 100)!;
  assert.deepEqual(apply(a, b, runs), b);
  assert.deepEqual(diffSequences([], [], 10), []);
  assert.deepEqual(diffSequences(['a'], [], 10), [{ kind: 'delete', count: 1 }]);
  assert.deepEqual(diffSequences([], ['a', 'b'], 10), [{ kind: 'insert', count: 2 }]);
  assert.deepEqual(diffSequences(['x', 'y'], ['x', 'y'], 0), [{ kind: 'keep', count: 2 }]);
});

test('the edit is the shortest one, on random sequences', () => {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let round = 0; round < 300; round++) {
    const a = Array.from({ length: Math.floor(random() * 12) }, () => 'abc'[Math.floor(random() * 3)]!);
    const b = Array.from({ length: Math.floor(random() * 12) }, () => 'abc'[Math.floor(random() * 3)]!);
    const runs = diffSequences(a, b, 100)!;
    assert.deepEqual(apply(a, b, runs), b, `${a.join('')} -> ${b.join('')}`);
    const edits = runs.filter((r) => r.kind !== 'keep').reduce((sum, r) => sum + r.count, 0);
    assert.equal(edits, editDistance(a, b), `${a.join('')} -> ${b.join('')}`);
  }
});

test('more edits than allowed gives null', () => {
  assert.equal(diffSequences([...'abcdef'], [...'uvwxyz'], 11), null);
  assert.ok(diffSequences([...'abcdef'], [...'uvwxyz'], 12));
});
