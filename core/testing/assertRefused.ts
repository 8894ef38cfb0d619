/// For tests of readers of outside files: the read must fail with an ExcerptError
/// 'invalid-argument' whose message says what was wrong.
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';

/// Asserts that `read` throws an ExcerptError 'invalid-argument' whose message matches `message`.
export function assertRefused(read: () => unknown, message: RegExp): void {
  assert.throws(read, (error) => {
    assert.ok(error instanceof ExcerptError, `an ExcerptError, not ${String(error)}`);
    assert.equal(error.code, 'invalid-argument');
    assert.match(error.message, message);
    return true;
  });
}
