import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedOrigins, refuseForeignSource, refuseWithoutToken, tokenMatches } from './requestGuard.ts';

test('requests addressed to the loopback address on our port are let in', () => {
  assert.equal(refuseForeignSource({ host: '127.0.0.1:4310', origin: undefined }, 4310), null);
  assert.equal(refuseForeignSource({ host: 'localhost:4310', origin: 'http://localhost:4310' }, 4310), null);
  assert.equal(refuseForeignSource({ host: 'LOCALHOST:4310', origin: 'http://127.0.0.1:4310' }, 4310), null);
});

test('a foreign Host (DNS rebinding) is refused', () => {
  for (const host of ['evil.example:4310', '127.0.0.1:4311', '127.0.0.1', 'localhost', '0.0.0.0:4310', '[::1]:4310', undefined]) {
    const refusal = refuseForeignSource({ host, origin: undefined }, 4310);
    assert.equal(refusal?.code, 'forbidden', `host ${host}`);
    assert.match(refusal.message, /127\.0\.0\.1:4310/);
  }
});

test('a foreign Origin is refused, "null" included', () => {
  for (const origin of ['http://evil.example', 'https://127.0.0.1:4310', 'http://127.0.0.1:4311', 'null', 'file://', 'app://excerpt']) {
    const refusal = refuseForeignSource({ host: '127.0.0.1:4310', origin }, 4310);
    assert.equal(refusal?.code, 'forbidden', `origin ${origin}`);
    assert.match(refusal.message, /other sites/);
  }
  assert.deepEqual(allowedOrigins(4310), ['http://127.0.0.1:4310', 'http://localhost:4310']);
});

test('the token must match exactly', () => {
  const token = 'AbC_123-xyz';
  assert.equal(tokenMatches(token, token), true);
  assert.equal(tokenMatches(token, 'AbC_123-xyZ'), false);
  assert.equal(tokenMatches(token, 'AbC_123-xy'), false);
  assert.equal(tokenMatches(token, ''), false);
  assert.equal(tokenMatches(token, undefined), false);
  assert.equal(tokenMatches(token, null), false);
  assert.equal(refuseWithoutToken(token, token), null);
  assert.match(refuseWithoutToken(token, undefined)!.message, /no access token/);
  assert.match(refuseWithoutToken(token, 'nope')!.message, /not the one/);
});
