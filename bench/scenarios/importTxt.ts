/// `import.txt`: 10,000 plain-text press releases (about 3 KB each) imported through the
/// service (importFiles in batches of 100, as a host sends them), against a raw
/// better-sqlite3 insert of the same rows into a library with the same schema (so the
/// full-text triggers fire) in a single transaction (see importMeasurement.ts).
///
/// value and baseline are documents per second. Since this is a throughput, the ratio is the
/// slowdown, baseline rate / service rate (the service's time over the raw insert's time):
/// the target ratio<=1.5 means the service takes at most half as long again as a raw insert.
import { measureImport, progress } from '../importMeasurement.ts';
import { generatePressReleases } from '../pressReleases.ts';
import type { Measurement, Scenario } from '../scenario.ts';

const DOCUMENTS = 10_000;

/// The import.txt scenario that `npm run bench` runs.
export const scenario: Scenario = {
  id: 'import.txt',
  unit: 'docs/s',
  target: 'ratio<=1.5',
  async run(): Promise<Measurement> {
    progress('import.txt', `generating ${DOCUMENTS} press releases`);
    // Every generated release ends with a "Reference:" line, so the index must find them all.
    const files = generatePressReleases(DOCUMENTS).map((release) => ({
      name: release.name,
      bytes: Buffer.from(release.content).toString('base64'),
    }));
    return measureImport({ id: 'import.txt', files, batch: 100, minRounds: 2, maxRounds: 4, budgetMs: 90_000 });
  },
};
