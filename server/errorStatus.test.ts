import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../common/errors.ts';
import { errorReply, statusForErrorCode } from './errorStatus.ts';

test('each error code has its HTTP status', () => {
  assert.equal(statusForErrorCode('invalid-argument'), 400);
  assert.equal(statusForErrorCode('forbidden'), 403);
  assert.equal(statusForErrorCode('not-found'), 404);
  assert.equal(statusForErrorCode('conflict'), 409);
  assert.equal(statusForErrorCode('unsupported'), 415);
  assert.equal(statusForErrorCode('internal'), 500);
});

test('a contract error keeps its code, message and field', () => {
  const reply = errorReply(new ExcerptError('invalid-argument', 'getDocument: "id" is not valid.', 'id'));
  assert.deepEqual(reply, { status: 400, body: { error: { code: 'invalid-argument', message: 'getDocument: "id" is not valid.', field: 'id' } } });
});

test('anything else is an internal error with a message for the analyst', () => {
  const reply = errorReply(new TypeError('x is undefined'));
  assert.equal(reply.status, 500);
  assert.equal(reply.body.error.code, 'internal');
  assert.match(reply.body.error.message, /unexpected problem: x is undefined\. Try again/);
  assert.equal(errorReply('boom').body.error.code, 'internal');
});
