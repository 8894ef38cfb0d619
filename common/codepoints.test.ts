import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointOffsets, toCodePointOffset, toUtf16Offset } from './codepoints.ts';

const text = 'x 😊 𝔘 é!';

test('astral characters count one code point and two UTF-16 units', () => {
  assert.equal(text.length, 10);
  assert.equal(toCodePointOffset(text, text.length), [...text].length);
  assert.equal(toCodePointOffset(text, text.indexOf('𝔘')), 4);
  assert.equal(toUtf16Offset(text, 4), text.indexOf('𝔘'));
});

test('the two conversions are inverse at every code-point boundary', () => {
  for (let points = 0; points <= [...text].length; points++) {
    assert.equal(toCodePointOffset(text, toUtf16Offset(text, points)), points);
  }
});

test('offsets past the end clamp; a lone surrogate counts as one code point', () => {
  assert.equal(toUtf16Offset('ab', 9), 2);
  assert.equal(toCodePointOffset('a\ud800b', 3), 3);
  assert.equal(toUtf16Offset('a\udc00b', 2), 2);
});

test('codePointOffsets answers every offset as toCodePointOffset does, lone surrogates and the ends included', () => {
  const texts = ['', 'plain', 'x 😊 y', '😊😊', 'a\uD83Db', 'a\uDE0Ab\uD83D', '🇷🇺 флаг, 👩‍👩‍👧 семья, 𝔘nion', '\uDE0A😊\uD83D'];
  for (const text of texts) {
    const offsets = codePointOffsets(text);
    for (let i = -1; i <= text.length + 1; i++) assert.equal(offsets(i), toCodePointOffset(text, Math.max(i, 0)), `${JSON.stringify(text)} at ${i}`);
  }
});
