import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightSegments, NEUTRAL_HIGHLIGHT_COLOR, type HighlightSegment } from './highlightSegments.ts';
import { schema } from './schema.ts';
import { offsetToPos, textBlocks } from './text.ts';

const red = '#c92a2a';
const blue = '#1971c2';
const green = '#2f9e44';

/// Segments as `from-to: id/colour@lane ...`, easy to read in a failing assertion.
function show(segments: HighlightSegment[]): string[] {
  return segments.map((s) => `${s.from}-${s.to}: ${s.layers.map((l) => `${l.id}/${l.color}@${l.lane}`).join(' ')}`);
}

test('a single highlight is one segment with one layer per tag colour', () => {
  const segments = highlightSegments([{ id: 1, from: 3, to: 9, colors: [red, blue] }]);
  assert.deepEqual(show(segments), [`3-9: 1/${red}@0 1/${blue}@1`]);
  assert.deepEqual(segments[0]!.ids, [1]);
});

test('a highlight without tags is drawn in the neutral colour', () => {
  assert.deepEqual(show(highlightSegments([{ id: 4, from: 0, to: 2, colors: [] }])), [`0-2: 4/${NEUTRAL_HIGHLIGHT_COLOR}@0`]);
});

test('a nested highlight splits the outer one in three and sits on its own lane', () => {
  const segments = highlightSegments([
    { id: 2, from: 4, to: 6, colors: [blue] },
    { id: 1, from: 0, to: 10, colors: [red] },
  ]);
  assert.deepEqual(show(segments), [
    `0-4: 1/${red}@0`,
    `4-6: 1/${red}@0 2/${blue}@1`,
    `6-10: 1/${red}@0`,
  ]);
  assert.deepEqual(segments[1]!.ids, [1, 2]);
});

test('crossing highlights keep their lanes on both sides of the overlap', () => {
  const segments = highlightSegments([
    { id: 1, from: 0, to: 6, colors: [red] },
    { id: 2, from: 4, to: 10, colors: [blue] },
  ]);
  assert.deepEqual(show(segments), [
    `0-4: 1/${red}@0`,
    `4-6: 1/${red}@0 2/${blue}@1`,
    `6-10: 2/${blue}@1`,
  ]);
});

test('a freed lane is reused by a later highlight', () => {
  const segments = highlightSegments([
    { id: 1, from: 0, to: 6, colors: [red] },
    { id: 2, from: 4, to: 12, colors: [blue] },
    { id: 3, from: 8, to: 10, colors: [green] },
  ]);
  assert.deepEqual(show(segments).slice(-3), [
    `6-8: 2/${blue}@1`,
    `8-10: 3/${green}@0 2/${blue}@1`,
    `10-12: 2/${blue}@1`,
  ]);
  assert.deepEqual(segments.find((s) => s.from === 8)!.ids, [3, 2]);
});

test('identical ranges stay two highlights, one lane each', () => {
  const segments = highlightSegments([
    { id: 7, from: 5, to: 8, colors: [red] },
    { id: 6, from: 5, to: 8, colors: [blue, green] },
  ]);
  assert.deepEqual(show(segments), [`5-8: 6/${blue}@0 6/${green}@1 7/${red}@2`]);
  assert.deepEqual(segments[0]!.ids, [6, 7]);
});

test('adjacent highlights touch without merging and share the lowest lane', () => {
  const segments = highlightSegments([
    { id: 1, from: 0, to: 5, colors: [red] },
    { id: 2, from: 5, to: 9, colors: [red] },
  ]);
  assert.deepEqual(show(segments), [`0-5: 1/${red}@0`, `5-9: 2/${red}@0`]);
});

test('empty ranges draw nothing', () => {
  assert.deepEqual(highlightSegments([{ id: 1, from: 5, to: 5, colors: [red] }]), []);
  assert.deepEqual(highlightSegments([]), []);
});

test('a highlight crossing paragraphs becomes one segment per paragraph, none between them', () => {
  const doc = schema.node('doc', null, [
    schema.node('paragraph', null, [schema.text('Joint statement.')]),
    schema.node('paragraph', null, [schema.text('Both parties agree.')]),
  ]);
  const blocks = textBlocks(doc);
  const bounds = blocks.map((b) => ({ from: b.pos, to: b.pos + b.length }));
  // Offsets into "Joint statement.\n\nBoth parties agree.": "statement." through "Both".
  const from = offsetToPos(blocks, 6, 1);
  const to = offsetToPos(blocks, 22, -1);
  const segments = highlightSegments([{ id: 9, from, to, colors: [green] }], bounds);
  assert.deepEqual(
    segments.map((s) => doc.textBetween(s.from, s.to)),
    ['statement.', 'Both'],
  );
  assert.ok(segments.every((s) => s.layers.length === 1 && s.layers[0]!.lane === 0));
});

test('bounds drop what lies outside every block', () => {
  const segments = highlightSegments([{ id: 1, from: 0, to: 20, colors: [red] }], [{ from: 2, to: 5 }, { from: 8, to: 12 }]);
  assert.deepEqual(show(segments), [`2-5: 1/${red}@0`, `8-12: 1/${red}@0`]);
});
