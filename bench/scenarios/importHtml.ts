/// `import.html`: 2,000 generated press releases saved as web pages (about 5 KB each, the
/// article inside a menu, a cookie banner, scripts, share buttons and a footer) imported
/// through the service (importFiles in batches of 100, as a host sends them): each page is
/// decoded, parsed, reduced to its article by Readability and read into the schema. The
/// baseline is a raw better-sqlite3 insert of the same rows, full-text index included, in
/// one transaction (see importMeasurement.ts).
///
/// value and baseline are documents per second; ratio is baseline / value, the slowdown.
/// The target is the issue's: at least 200 documents per second on a 2-core machine.
import { generateHtmlPressReleases } from '../htmlPressReleases.ts';
import { measureImport, progress } from '../importMeasurement.ts';
import type { Measurement, Scenario } from '../scenario.ts';

const DOCUMENTS = 2_000;

/// The import.html scenario that `npm run bench` runs.
export const scenario: Scenario = {
  id: 'import.html',
  unit: 'docs/s',
  target: 'value>=200',
  async run(): Promise<Measurement> {
    progress('import.html', `generating ${DOCUMENTS} web pages`);
    // Every generated page ends its article with a "Reference:" line.
    const files = generateHtmlPressReleases(DOCUMENTS).map((page) => ({
      name: page.name,
      bytes: Buffer.from(page.content).toString('base64'),
    }));
    return measureImport({ id: 'import.html', files, batch: 100, minRounds: 2, maxRounds: 4, budgetMs: 60_000 });
  },
};
