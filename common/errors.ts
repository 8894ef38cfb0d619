/// What went wrong, in a shape every host can carry across its boundary (ipc, HTTP, CLI exit).
export type ExcerptErrorCode =
  | 'invalid-argument' // the caller sent something the contract does not accept
  | 'not-found' // the document, tag or annotation does not exist (any more)
  | 'conflict' // the request contradicts what is stored (a duplicate name, a stale quote)
  | 'unsupported' // a file or format Excerpt cannot read
  | 'forbidden' // a host refused the caller (token, origin, sender)
  | 'internal'; // a bug: the message says what to report

export interface ExcerptErrorJson {
  code: ExcerptErrorCode;
  message: string;
  /// Dotted path of the offending argument, e.g. `files.0.name`, when one field is to blame.
  field?: string;
}

/// The one error type the contract throws. Its message is written for the analyst:
/// what happened and what to do.
export class ExcerptError extends Error {
  readonly code: ExcerptErrorCode;
  readonly field?: string;

  constructor(code: ExcerptErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ExcerptError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }

  toJSON(): ExcerptErrorJson {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }

  static fromJSON(json: ExcerptErrorJson): ExcerptError {
    return new ExcerptError(json.code, json.message, json.field);
  }
}

const codes: readonly ExcerptErrorCode[] = ['invalid-argument', 'not-found', 'conflict', 'unsupported', 'forbidden', 'internal'];

/// True when `value` has the JSON shape of an ExcerptError (as it arrives over a transport).
export function isExcerptErrorJson(value: unknown): value is ExcerptErrorJson {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && codes.includes(v.code as ExcerptErrorCode);
}

/// Whatever a host caught, as the contract's error: an ExcerptError as it is, anything else
/// (a bug) as an `internal` error whose message tells the analyst what to do, not a stack.
export function asContractError(error: unknown): ExcerptError {
  if (error instanceof ExcerptError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ExcerptError('internal', `Excerpt hit an unexpected problem: ${message}. Try again; if it keeps happening, report it with what you were doing.`);
}
