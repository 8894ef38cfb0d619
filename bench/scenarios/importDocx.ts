/// `import.docx`: 200 generated press releases written as Word files (built once per run
/// with the `docx` package from the same deterministic texts as import.txt: a heading, a
/// date line, paragraphs) imported through the service (importFiles in batches of 20): each
/// file's zip directory is inspected and its entries checked, mammoth turns it into HTML and
/// htmlToDoc reads that into the schema. The baseline is a raw better-sqlite3 insert of the
/// same rows, full-text index included, in one transaction (see importMeasurement.ts).
///
/// value and baseline are documents per second; ratio is baseline / value, the slowdown.
/// The issue sets no number for Word files, and import.txt's 1.5 is out of reach: mammoth
/// unpacks the archive and parses its XML, and the HTML it writes is parsed again, about
/// 10 to 20 ms a file here, where the raw insert of the same text takes a fraction of a
/// millisecond. When this scenario was written the ratio measured 60 to 70 on this 2-core
/// machine (shared with other work at the time); ratio<=100 leaves room for that noise and
/// still reports a MISS when Word import becomes half as fast again.
import { writeDocx } from '../../core/testing/writeDocx.ts';
import { measureImport, progress } from '../importMeasurement.ts';
import { generatePressReleases } from '../pressReleases.ts';
import type { Measurement, Scenario } from '../scenario.ts';

const DOCUMENTS = 200;

/// The import.docx scenario that `npm run bench` runs.
export const scenario: Scenario = {
  id: 'import.docx',
  unit: 'docs/s',
  target: 'ratio<=100',
  async run(): Promise<Measurement> {
    progress('import.docx', `writing ${DOCUMENTS} Word files`);
    const files = await Promise.all(generatePressReleases(DOCUMENTS).map(async (release) => {
      // Every generated release ends with a "Reference:" paragraph, which the baseline checks.
      const [heading, date, ...paragraphs] = release.content.trim().split('\n\n');
      const bytes = await writeDocx({ heading: heading!, date: date!, paragraphs });
      return { name: release.name.replace(/\.txt$/, '.docx'), bytes: Buffer.from(bytes).toString('base64') };
    }));
    return measureImport({ id: 'import.docx', files, batch: 20, minRounds: 2, maxRounds: 4, budgetMs: 60_000 });
  },
};
