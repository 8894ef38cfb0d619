import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageLines, type TextRun } from './pdfLines.ts';

const run = (str: string, x: number, y: number, width: number, hasEOL = false, size = 12): TextRun =>
  ({ str, transform: [size, 0, 0, size, x, y], width, hasEOL });

test('runs on one baseline are one line, with a space only where they stand apart', () => {
  const lines = pageLines([
    // Chromium splits "information" at a soft hyphen and "Office" at its ligature.
    run('An infor', 62, 700, 40), run('mation', 102.3, 700, 35), run('society', 140, 700, 36, true),
    run('', 62, 686, 0, true),
    run('Press O', 62, 672, 40), run('ffi', 102, 672, 10), run('ce', 112, 672, 10),
    run('Заявление', 62, 658, 60), run('\u0000 министерства ', 122, 658, 80),
  ]);
  assert.deepEqual(lines.map((line) => line.text), ['An information society', 'Press Office', 'Заявление министерства']);
  assert.deepEqual({ ...lines[0]!, text: '' }, { text: '', left: 62, right: 176, y: 700, size: 12 });
});

test('a new baseline, an end-of-line mark or a step back to the left starts a new line', () => {
  const lines = pageLines([
    run('first line', 62, 700, 60), run('second line', 62, 686, 60),
    run('third', 62, 672, 30, true), run('fourth', 100, 672, 30),
    run('fifth', 200, 658, 30), run('sixth', 62, 658, 30),
  ]);
  assert.deepEqual(lines.map((line) => line.text), ['first line', 'second line', 'third', 'fourth', 'fifth', 'sixth']);
});
