/// How the loopback host reports a contract error over HTTP.
import { ExcerptError, type ExcerptErrorCode, type ExcerptErrorJson } from '../common/errors.ts';

const statusByCode: Record<ExcerptErrorCode, number> = {
  'invalid-argument': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unsupported: 415,
  internal: 500,
};

/// The HTTP status for an error code.
export function statusForErrorCode(code: ExcerptErrorCode): number {
  return statusByCode[code];
}

/// Whatever a call threw, as the status and JSON body the client receives. Anything that
/// is not an ExcerptError is a bug: the analyst gets a message saying so, not a stack.
export function errorReply(error: unknown): { status: number; body: { error: ExcerptErrorJson } } {
  const known = error instanceof ExcerptError
    ? error
    : new ExcerptError('internal', `Excerpt hit an unexpected problem: ${error instanceof Error ? error.message : String(error)}. Try again; if it keeps happening, report it with what you were doing.`);
  return { status: statusForErrorCode(known.code), body: { error: known.toJSON() } };
}
