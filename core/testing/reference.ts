/// The team's external oracles (schemas, fixtures) in ../shared/reference beside the
/// repository. A fresh clone has no such folder: a test that needs it is then skipped, saying so.
import type { TestContext } from 'node:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const referenceDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'reference');

/// The path of `parts` under the reference folder, or undefined after marking `t` skipped when it is absent.
export function referencePath(t: TestContext, ...parts: string[]): string | undefined {
  const path = join(referenceDir, ...parts);
  if (existsSync(path)) return path;
  t.skip(`reference material not found: ${path} (it sits beside the repository in the team's workspace; a fresh clone has none)`);
  return undefined;
}
