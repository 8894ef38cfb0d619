/// For tests: a real library file in a fresh temporary folder, removed after the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { openLibrary, type Library } from '../library.ts';

/// A temporary folder that disappears when the test ends.
export function tempDir(t: TestContext, prefix = 'excerpt-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/// A freshly migrated, empty library, closed when the test ends.
export function tempLibrary(t: TestContext): Library {
  const library = openLibrary(join(tempDir(t), 'library.sqlite'));
  t.after(() => library.close());
  return library;
}

/// A file as importFiles takes it.
export function textFile(name: string, content: string | Uint8Array): { name: string; bytes: string } {
  return { name, bytes: Buffer.from(content).toString('base64') };
}

/// Imports one text file and returns the new document's id (fails the test otherwise).
export async function importText(library: Library, name: string, content: string): Promise<number> {
  const result = await library.service.importFiles({ files: [textFile(name, content)] });
  const imported = result.imported[0];
  if (!imported) throw new Error(`${name} was not imported: ${JSON.stringify(result)}`);
  return imported.id;
}
