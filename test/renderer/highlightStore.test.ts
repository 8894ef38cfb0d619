import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StepMap } from 'prosemirror-transform';
import { mapHighlight, type Highlight } from '../../renderer/src/editor/codingStep.ts';
import { HighlightStore } from '../../renderer/src/editor/highlightStore.ts';

/// A small deterministic generator, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const byKey = (list: Iterable<Highlight>) => [...list].sort((a, b) => a.key - b.key);

test('carrying highlights through a change moves each as mapHighlight does, and tells the deleted ones', () => {
  const next = random(7);
  const int = (below: number) => Math.floor(next() * below);
  for (let round = 0; round < 300; round++) {
    const size = 200;
    const highlights: Highlight[] = Array.from({ length: 40 }, (_, i) => {
      const from = int(size - 1);
      return { key: i % 3 === 0 ? -i - 1 : i + 1, from, to: from + 1 + int(Math.min(20, size - from - 1)), tagIds: [i % 4], note: i % 5 ? '' : `n${i}` };
    });
    // One to three changes in order: typed text (nothing replaced), deleted text, replaced text.
    const ranges: number[] = [];
    for (let at = int(40), n = 1 + int(3); n > 0 && at < size; n--) {
      const oldSize = int(3) === 0 ? 0 : int(25);
      const newSize = oldSize === 0 ? 1 + int(6) : int(3) === 0 ? int(8) : 0;
      ranges.push(at, oldSize, newSize);
      at += oldSize + 1 + int(60);
    }
    const map = new StepMap(ranges);
    const { store, deleted } = HighlightStore.of(highlights).mapThrough(map);
    const expected = highlights.map((h) => [h, mapHighlight(h, map)] as const);
    const context = `round ${round}, ranges ${ranges.join(',')}`;
    assert.deepEqual(byKey(store.values()), byKey(expected.flatMap(([, mapped]) => mapped ?? [])), context);
    assert.deepEqual(byKey(deleted), byKey(expected.filter(([, mapped]) => !mapped).map(([h]) => h)), context);
    assert.equal(store.size, highlights.length - deleted.length, context);
  }
});

test('a change before or between the highlights leaves them and the store as they are', () => {
  const store = HighlightStore.of([{ key: 1, from: 10, to: 20, tagIds: [1], note: '' }]);
  assert.equal(store.mapThrough(new StepMap([30, 0, 5])).store, store, 'text typed after every highlight');
  assert.equal(store.mapThrough(StepMap.empty).store, store);
  const moved = store.mapThrough(new StepMap([2, 3, 0])).store;
  assert.deepEqual(moved.get(1), { key: 1, from: 7, to: 17, tagIds: [1], note: '' });
  assert.deepEqual(store.get(1), { key: 1, from: 10, to: 20, tagIds: [1], note: '' }, 'the earlier store is unchanged');
});

test('highlights are set, replaced, removed and found by key and by range', () => {
  const a: Highlight = { key: 4, from: 1, to: 5, tagIds: [1], note: '' };
  const b: Highlight = { key: -1, from: 8, to: 12, tagIds: [2, 3], note: 'why' };
  const store = HighlightStore.of([a]).with(b);
  assert.deepEqual([store.size, store.has(-1), store.has(5)], [2, true, false]);
  assert.deepEqual(store.get(-1), b);
  const retagged = store.with({ ...a, tagIds: [7], from: 2 });
  assert.deepEqual(retagged.get(4), { ...a, tagIds: [7], from: 2 });
  assert.deepEqual(store.get(4), a, 'the earlier store is unchanged');
  assert.deepEqual(retagged.between(5, 8).map((h) => h.key), [4, -1], 'touching counts');
  assert.deepEqual(retagged.between(6, 7), []);
  const left = retagged.without(4);
  assert.deepEqual([...left.values()], [b]);
  assert.equal(left.without(99), left);
  assert.equal(left.get(4), undefined);
  const ranges: [number, number][] = [];
  retagged.forEachRange((from, to) => ranges.push([from, to]));
  assert.deepEqual(ranges, [[2, 5], [8, 12]]);
});
