/// A typed ExcerptApi over any transport: the renderer's only way to reach the service.
/// A transport sends one call and resolves with the reply, or rejects with the error JSON.
import type { ExcerptApi, MethodName } from './api.ts';
import { isMethodName } from './api.ts';
import { ExcerptError, isExcerptErrorJson } from './errors.ts';

export type Transport = (method: MethodName, args: unknown) => Promise<unknown>;

export function createApiClient(transport: Transport): ExcerptApi {
  return new Proxy({} as ExcerptApi, {
    get(_target, name) {
      if (!isMethodName(name)) return undefined;
      return async (args: unknown) => {
        try {
          return await transport(name, args ?? {});
        } catch (error) {
          throw asExcerptError(error);
        }
      };
    },
  });
}

/// Whatever a transport threw, as the contract's error type.
export function asExcerptError(error: unknown): ExcerptError {
  if (error instanceof ExcerptError) return error;
  if (isExcerptErrorJson(error)) return ExcerptError.fromJSON(error);
  const message = error instanceof Error ? error.message : String(error);
  return new ExcerptError('internal', `Excerpt could not reach its library: ${message}`);
}
