import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORBIDDEN_CHARACTERS } from '../testing/forbiddenCharacters.ts';
import { xmlCharacters } from './xmlCharacters.ts';

test('the characters XML 1.0 forbids go, one by one and wherever they stand', () => {
  for (const character of FORBIDDEN_CHARACTERS) assert.equal(xmlCharacters(`a${character}b`), 'ab', `U+${character.charCodeAt(0).toString(16)}`);
  assert.equal(xmlCharacters(`${FORBIDDEN_CHARACTERS}text${FORBIDDEN_CHARACTERS}`), 'text');
  // A low surrogate before a high one is two lone halves, not a character; a high one at the end is cut off.
  assert.equal(xmlCharacters('\udc00\ud800 and \ud83d'), ' and ');
});

test('every character XML allows stays: white space, emoji, other scripts, the edges of the ranges', () => {
  const allowed = 'tab\t line\n return\r · DEL\u007f NEL\u0085 Привет 😊 𝔘 \ud7ff\ue000\ufffd\u{10000}\u{10ffff} الخبر 新闻';
  assert.equal(xmlCharacters(allowed), allowed);
});
