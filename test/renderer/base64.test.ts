import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toBase64 } from '../../renderer/src/base64.ts';

test('bytes encode as base64 slice by slice, pausing between slices, as one string', async () => {
  const bytes = new Uint8Array(3 * 256 * 1024 * 2 + 1001);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  let pauses = 0;
  const encoded = await toBase64(bytes, async () => {
    pauses++;
  });
  assert.equal(encoded, Buffer.from(bytes).toString('base64'));
  assert.equal(pauses, 2);
  assert.equal(await toBase64(new Uint8Array(0)), '');
  assert.equal(await toBase64(new TextEncoder().encode('Заявление 🤝')), Buffer.from('Заявление 🤝').toString('base64'));
});
