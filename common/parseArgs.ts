/// Turns whatever arrived for a method into its typed arguments, or an ExcerptError that
/// names the first offending field. Every host funnels calls through here (via the service).
import type { z } from 'zod';
import { ExcerptError } from './errors.ts';
import { isMethodName, methodArgs, type Args, type MethodName } from './api.ts';

export function parseArgs<M extends MethodName>(method: M, raw: unknown): Args<M> {
  if (!isMethodName(method)) throw new ExcerptError('invalid-argument', `There is no method called "${String(method)}".`);
  const schema = methodArgs[method] as unknown as z.ZodType<Args<M>>;
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const where = field ? `"${field}"` : 'the arguments';
  throw new ExcerptError('invalid-argument', `${method}: ${where} is not valid: ${issue.message}.`, field || undefined);
}
