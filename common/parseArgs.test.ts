import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from './parseArgs.ts';
import { ExcerptError } from './errors.ts';
import { createApiClient } from './client.ts';
import { dispatchCall } from './dispatch.ts';
import { methodNames, type ExcerptApi } from './api.ts';

function refusal(run: () => unknown): ExcerptError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ExcerptError);
    return error;
  }
  assert.fail('expected an ExcerptError');
}

test('valid arguments come back typed, with defaults applied', () => {
  const args = parseArgs('createAnnotation', { documentId: 1, start: 2, end: 5 });
  assert.deepEqual(args, { documentId: 1, start: 2, end: 5, tagIds: [], note: '' });
  assert.deepEqual(parseArgs('exportExcerpts', { format: 'csv' }), { format: 'csv', filter: {} });
});

test('invalid arguments name the offending field', () => {
  const color = refusal(() => parseArgs('createTag', { name: 'ITU role', color: 'red' }));
  assert.equal(color.code, 'invalid-argument');
  assert.equal(color.field, 'color');
  assert.match(color.message, /#rrggbb/);
  assert.equal(refusal(() => parseArgs('importFiles', { files: [{ name: '', bytes: '' }] })).field, 'files.0.name');
  assert.equal(refusal(() => parseArgs('createAnnotation', { documentId: 1, start: 5, end: 5 })).field, 'end');
  assert.equal(refusal(() => parseArgs('getDocument', { id: 'one' })).field, 'id');
  assert.equal(refusal(() => parseArgs('getDocument', null)).field, 'id');
});

test('the client proxy carries calls and turns error JSON back into ExcerptError', async () => {
  const calls: [string, unknown][] = [];
  const api = createApiClient(async (method, args) => {
    calls.push([method, args]);
    if (method === 'deleteTag') throw { code: 'not-found', message: 'No tag 9.' };
    return [];
  });
  assert.deepEqual(await api.listTags({}), []);
  await assert.rejects(api.deleteTag({ id: 9 }), (error: unknown) => error instanceof ExcerptError && error.code === 'not-found');
  assert.deepEqual(calls.map(([m]) => m), ['listTags', 'deleteTag']);
  assert.equal((api as unknown as Record<string, unknown>).constructor, undefined);
});

test('dispatch refuses names outside the contract and reaches every name inside it', async () => {
  const reached: string[] = [];
  const api = Object.fromEntries(methodNames.map((name) => [name, async () => reached.push(name)])) as unknown as ExcerptApi;
  await assert.rejects(dispatchCall(api, 'toString', {}), (e: unknown) => e instanceof ExcerptError && e.field === 'method');
  await assert.rejects(dispatchCall(api, '__proto__', {}), ExcerptError);
  for (const name of methodNames) await dispatchCall(api, name, {});
  assert.deepEqual(reached, methodNames);
});
