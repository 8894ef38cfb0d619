/// Every importer, fed damaged files: each of Excerpt's own kinds of document (.txt, .md, .html,
/// .eml, .docx, .pdf) and exchange file (.qdpx, .qdc, .jsonld) cut off, bit-flipped, with bytes
/// inserted, removed or repeated, its zip parts renamed, dropped or doubled. Each import, in a
/// worker thread with a time limit (importSandbox.ts), either reads the file or refuses it with
/// a typed error; a refused document, imported between two good ones, leaves the library exactly
/// as the two good ones alone would; a refused exchange file leaves it as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { damaged, recipes } from './fileMutations.ts';
import { fuzzLibrary } from './fuzzLibrary.ts';
import { fuzz } from './fuzzRun.ts';
import { assertReadOrRefused, importSandbox } from './importSandbox.ts';
import { documentSamples, exchangeSamples } from './sampleFiles.ts';

/// Damaged files per kind: 135 imports in all.
const RUNS = 15;
/// Longest one small file may take to import; a file past it counts as hanging the importer.
const LIMIT_MS = 30_000;
test('every importer reads a damaged file or refuses it with a typed error, in time, and the library keeps only what was read', async (t) => {
  const seeded = await fuzzLibrary(t);
  const sandbox = importSandbox(t, seeded.library.path, LIMIT_MS);
  const samples = [...await documentSamples(), ...await exchangeSamples(seeded.library)];
  for (const sample of samples) {
    await t.test(sample.name, async () => {
      const good = await sandbox.run(sample);
      assert.equal(good.read.outcome, 'read', `the good ${sample.name} was not read: ${JSON.stringify(good.read)}`);
      assertReadOrRefused(sample, good);
      await fuzz(`damaged ${sample.name}`, fc.asyncProperty(recipes(sample), async (recipe) => {
        const file = damaged(sample, recipe);
        assertReadOrRefused(file, await sandbox.run(file));
      }), RUNS, { shrink: false });
    });
  }
});
