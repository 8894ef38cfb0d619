/// First run: an empty library is filled, once, with the sample press releases
/// (resources/samples/*.txt) and the starter codebook (resources/codebook.json), so a
/// newcomer has something to highlight. The desktop app and `npm start` call this; the
/// CLI never does.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Library } from './library.ts';
import type { ExcerptService } from './service.ts';
import { appState } from './store/appState.ts';

/// The app_state key that records that this library was offered the samples.
export const SAMPLES_OFFERED = 'samples_offered';

/// One code of the starter codebook, with the codes below it.
const codebookTag = z.object({
  name: z.string(),
  color: z.string().optional(),
  description: z.string().optional(),
  whenToUse: z.string().optional(),
  whenNotToUse: z.string().optional(),
  example: z.string().optional(),
  shortcut: z.string().optional(),
  get children() {
    return z.array(codebookTag).optional();
  },
});
type CodebookTag = z.infer<typeof codebookTag>;
const codebookFile = z.object({ tags: z.array(codebookTag) });

/// Adds the samples and the codebook when the library has never been offered them and holds
/// no documents and no tags; resolves to true when it added them. A library that was not
/// empty when first checked is marked as offered too, so the samples never appear later,
/// even after the analyst deletes everything.
export async function addSamplesOnFirstRun(library: Library, resourcesDir: string): Promise<boolean> {
  const { db, service } = library;
  const state = appState(db);
  if (state.get(SAMPLES_OFFERED) !== undefined) return false;
  const codebook = codebookFile.parse(JSON.parse(await readFile(join(resourcesDir, 'codebook.json'), 'utf8')));
  const samples = await readSamples(join(resourcesDir, 'samples'));

  // One transaction for the codebook, the samples and the flag: a crash half-way leaves the
  // library as it was, to be filled on the next start. The service's own transactions nest
  // inside it as savepoints; nothing else uses this connection while the app starts.
  db.exec('BEGIN IMMEDIATE');
  try {
    const empty = (await service.listDocuments({})).length === 0 && (await service.listTags({})).length === 0;
    if (empty) {
      for (const tag of codebook.tags) await createTags(service, tag, null);
      const result = await service.importFiles({ files: samples });
      if (result.imported.length !== samples.length) {
        const problems = [...result.failed.map((f) => `${f.name}: ${f.reason}`), ...result.duplicates.map((d) => `${d.name}: a duplicate`)];
        throw new Error(`The sample press releases could not be imported (${problems.join('; ')}). Please report this.`);
      }
    }
    state.set(SAMPLES_OFFERED, new Date().toISOString());
    db.exec('COMMIT');
    return empty;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

async function readSamples(folder: string): Promise<{ name: string; bytes: string }[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: (await readFile(join(folder, name))).toString('base64') })));
}

async function createTags(service: ExcerptService, tag: CodebookTag, parentId: number | null): Promise<void> {
  const created = await service.createTag({
    name: tag.name,
    parentId,
    color: tag.color,
    description: tag.description,
    whenToUse: tag.whenToUse,
    whenNotToUse: tag.whenNotToUse,
    example: tag.example,
    shortcut: tag.shortcut ?? null,
  });
  for (const child of tag.children ?? []) await createTags(service, child, created.id);
}
