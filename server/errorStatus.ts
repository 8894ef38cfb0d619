/// How the loopback host reports a contract error over HTTP.
import { asContractError, type ExcerptErrorCode, type ExcerptErrorJson } from '../common/errors.ts';

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
  const known = asContractError(error);
  return { status: statusForErrorCode(known.code), body: { error: known.toJSON() } };
}
