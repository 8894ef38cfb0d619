/// The one way a host turns "method name + JSON args" into a call on the service.
/// Hosts refuse names that are not in the contract before anything runs.
import { isMethodName, type ExcerptApi } from './api.ts';
import { ExcerptError } from './errors.ts';

export async function dispatchCall(api: ExcerptApi, method: unknown, args: unknown): Promise<unknown> {
  if (!isMethodName(method)) {
    throw new ExcerptError('invalid-argument', `There is no method called "${String(method)}".`, 'method');
  }
  const call = api[method] as (args: unknown) => Promise<unknown>;
  return call.call(api, args ?? {});
}
