import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempLibrary, textFile } from '../core/testing/tempLibrary.ts';
import { forwardServiceEvents, handleIpcCall } from './ipc.ts';

const page = 'app://excerpt/index.html';

test('a call from the app\'s own page reaches the service and returns plain data', async (t) => {
  const { service } = tempLibrary(t);
  const created = await handleIpcCall(service, page, 'createTag', { name: 'ITU role' });
  assert.equal(created.ok, true);
  const listed = await handleIpcCall(service, `${page}#/documents`, 'listTags', {});
  assert.deepEqual(listed, { ok: true, value: [(created as { value: unknown }).value] });
});

test('callers that are not the app\'s own page are refused before the service runs', async (t) => {
  const library = tempLibrary(t);
  for (const frame of ['https://evil.example/', 'http://127.0.0.1:4310/', 'file:///tmp/x.html', 'app://other/index.html', '', null, undefined]) {
    const reply = await handleIpcCall(library.service, frame, 'createTag', { name: 'Injected' });
    assert.equal(reply.ok, false, String(frame));
    assert.equal(!reply.ok && reply.error.code, 'forbidden');
  }
  assert.deepEqual(await library.service.listTags({}), []);
});

test('unknown method names are refused by name', async (t) => {
  const { service } = tempLibrary(t);
  for (const method of ['dropEverything', 'on', 'constructor', '__proto__', 42, undefined]) {
    const reply = await handleIpcCall(service, page, method, {});
    assert.equal(reply.ok, false, String(method));
    assert.equal(!reply.ok && reply.error.code, 'not-found');
    assert.equal(!reply.ok && reply.error.field, 'method');
  }
});

test('invalid arguments come back as an error naming the field, and nothing is written', async (t) => {
  const { service } = tempLibrary(t);
  const reply = await handleIpcCall(service, page, 'createTag', { name: 'Colourful', color: 'red' });
  assert.deepEqual(reply.ok, false);
  assert.equal(!reply.ok && reply.error.code, 'invalid-argument');
  assert.equal(!reply.ok && reply.error.field, 'color');
  assert.deepEqual(await service.listTags({}), []);
  const missing = await handleIpcCall(service, page, 'getDocument', { id: 404 });
  assert.equal(!missing.ok && missing.error.code, 'not-found');
  // The reply crosses ipc by structured clone: it must be plain data.
  assert.deepEqual(structuredClone(missing), missing);
});

test('service events are forwarded until stopped', async (t) => {
  const { service } = tempLibrary(t);
  const sent: [string, unknown][] = [];
  const stop = forwardServiceEvents(service, (name, payload) => sent.push([name, payload]));
  await service.importFiles({ files: [textFile('a.txt', 'A statement\n\nThe parties agree.')] });
  assert.ok(sent.some(([name]) => name === 'importProgress'), JSON.stringify(sent));
  assert.ok(sent.some(([name]) => name === 'libraryChanged'), JSON.stringify(sent));
  stop();
  const count = sent.length;
  await service.createTag({ name: 'After stop' });
  assert.equal(sent.length, count);
});
