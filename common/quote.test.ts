import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTEXT_LENGTH, describeQuote } from './quote.ts';

test('the quote is the slice and the context is 32 code points each side', () => {
  const before = 'a'.repeat(50);
  const after = 'b'.repeat(50);
  const text = `${before}QUOTE${after}`;
  const quote = describeQuote(text, 50, 55);
  assert.deepEqual(quote, { exact: 'QUOTE', prefix: 'a'.repeat(CONTEXT_LENGTH), suffix: 'b'.repeat(CONTEXT_LENGTH) });
});

test('context near the edges is shorter, and never splits a surrogate pair', () => {
  const emoji = '😊'.repeat(40);
  const text = `${emoji}Q${emoji}`;
  const start = emoji.length;
  const quote = describeQuote(text, start, start + 1);
  assert.equal(quote.prefix, '😊'.repeat(32));
  assert.equal(quote.suffix, '😊'.repeat(32));
  assert.deepEqual(describeQuote('Quote at start', 0, 5), { exact: 'Quote', prefix: '', suffix: ' at start' });
});
