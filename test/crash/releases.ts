/// The press releases the crash harness imports: generated ones (bench's generator, each
/// unique by its reference line) and re-issues of them, each with the title, canonical text
/// and hash the library must hold once it has taken the file.
import { generatePressReleases } from '../../bench/pressReleases.ts';
import { readNewDocument } from '../../core/service/documentIntake.ts';

/// A release file and what the library holds for it once imported.
export interface Release {
  name: string;
  content: string;
  title: string;
  text: string;
  contentHash: string;
}

/// What Excerpt's own reader makes of the file: the document an acknowledged import must show.
async function release(name: string, content: string): Promise<Release> {
  const document = await readNewDocument(name, Buffer.from(content), '');
  return { name, content, title: document.title, text: document.text, contentHash: document.contentHash };
}

/// Hands out releases never seen before in this run, and re-issues of them.
export class ReleaseSource {
  #batch = 0;
  #reissues = 0;

  constructor(private readonly seed: number) {}

  /// `count` new releases of about 1.5 kB; the same seed gives the same files in the same order.
  async fresh(count: number): Promise<Release[]> {
    const batch = ++this.#batch;
    const files = generatePressReleases(count, this.seed * 100_000 + batch, 1500);
    return Promise.all(files.map((file) => release(`b${batch}-${file.name}`, file.content)));
  }

  /// A re-issue of `earlier`: same title and date line, a paragraph added after the first one,
  /// so the library takes it as a new revision and carries the highlights over.
  async reissue(earlier: Release): Promise<Release> {
    const n = ++this.#reissues;
    const blocks = earlier.content.split('\n\n');
    blocks.splice(3, 0, `The statement was re-issued with a correction (revision ${n} of run ${this.seed}).`);
    return release(earlier.name.replace(/(-rev\d+)?\.txt$/, `-rev${n}.txt`), blocks.join('\n\n'));
  }
}
