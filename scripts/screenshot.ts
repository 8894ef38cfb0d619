/// `npm run screenshot`: the README's picture, made the way a user sees the app. A fresh
/// library gets the first-run samples, a few statements are tagged through the service,
/// and Chromium photographs the loopback host's page to docs/screenshot.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openLibrary } from '../core/library.ts';
import { addSamplesOnFirstRun } from '../core/samples.ts';
import { startLoopbackHost } from '../server/host.ts';
import { chromiumArgs, chromiumPath } from '../test/e2e/harness.ts';
import { buildRenderer, projectRoot } from './build.ts';

/// The statements the picture shows tagged: [quote, tag names].
const coding: [string, string[]][] = [
  ['the United Nations should remain the central platform for discussing international information security', ['UN process']],
  ['they should in time be given the form of a legally binding instrument', ['Norms of responsible behaviour', 'Information crime convention']],
  ['an enhanced role for the International Telecommunication Union', ['ITU role']],
  ['Internet governance and an enhanced role for the International Telecommunication Union, including in the allocation of naming and numbering resources', ['Equal rights of states']],
  ['Commonwealth of Independent States', ['CIS']],
  ['Shanghai Cooperation Organisation', ['SCO']],
];

await buildRenderer(projectRoot, true);
const dir = mkdtempSync(join(tmpdir(), 'excerpt-screenshot-'));
const library = openLibrary(join(dir, 'library.sqlite'));
try {
  await addSamplesOnFirstRun(library, join(projectRoot, 'resources'));
  const { service } = library;
  const documents = await service.listDocuments({});
  const shown = documents.find((d) => d.title.startsWith('Arnavia and Belmora'));
  if (!shown) throw new Error('The Arnavia and Belmora sample is missing from resources/samples.');
  const { text } = await service.getDocument({ id: shown.id });
  const tags = await service.listTags({});
  for (const [quote, names] of coding) {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`The sample no longer contains "${quote}".`);
    const tagIds = names.map((name) => tags.find((t) => t.name === name)!.id);
    await service.createAnnotation({ documentId: shown.id, start, end: start + quote.length, tagIds });
  }

  const host = await startLoopbackHost({ service, rendererDir: join(projectRoot, 'build', 'renderer') });
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`${host.url}&doc=${shown.id}`);
    await page.locator('.excerpt-highlight').first().waitFor();
    // Centre the overlapping highlights, where the stacked underlines show.
    await page.evaluate(() => document.querySelectorAll('.excerpt-highlight')[2]?.scrollIntoView({ block: 'center' }));
    const out = join(projectRoot, 'docs', 'screenshot.png');
    await page.screenshot({ path: out });
    console.log(`Saved ${out}`);
  } finally {
    await browser.close();
    await host.close();
  }
} finally {
  library.close();
  rmSync(dir, { recursive: true, force: true });
}
