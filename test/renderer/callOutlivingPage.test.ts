/// The renderer's call that must outlive its page (the save a closing tab sends) goes as a
/// request the browser finishes on its own, fetch's `keepalive`, and only when it fits the
/// browser's quota for such requests. The e2e tests show the save arriving as a tab closes; a
/// closing page whose fetch the browser happens to finish anyway would pass them without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

/// What the page gave fetch, for each request.
const sent: { url: string; init: RequestInit }[] = [];
Object.assign(globalThis, {
  window: {},
  location: { hash: '#token=a-token' },
  fetch: async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(JSON.stringify({ baseHash: 'h1', annotations: [] }), { status: 200 });
  },
});
const { api, callOutlivingPage } = await import('../../renderer/src/api.ts');

const edits = (text: string) => ({ documentId: 1, baseHash: 'h0', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, highlights: [] });

test('a call that outlives the page is sent with keepalive and the token; ordinary calls are not', async () => {
  sent.length = 0;
  const outliving = callOutlivingPage('saveDocumentEdits', edits('Words typed as the tab closed.') as never);
  assert.ok(outliving, 'a small save goes as a keepalive request');
  assert.deepEqual(await outliving, { baseHash: 'h1', annotations: [] });
  await api.listTags({});
  assert.deepEqual(sent.map(({ url, init }) => [url, init.keepalive, (init.headers as Record<string, string>)['x-excerpt-token']]), [
    ['/api/saveDocumentEdits', true, 'a-token'],
    ['/api/listTags', false, 'a-token'],
  ]);
});

test('a call larger than the keepalive quota (64 KiB) is not sent that way: the caller must save while the page stays', () => {
  sent.length = 0;
  assert.equal(callOutlivingPage('saveDocumentEdits', edits('x'.repeat(64 * 1024)) as never), null);
  assert.deepEqual(sent, []);
});
