/// For Chromium tests: a real library in a temporary folder with the given documents, the
/// loopback host serving the built renderer over it, and a headless Chromium page on it.
/// Any console error, uncaught exception or CSP violation on the page fails the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openLibrary, type Library } from '../../core/library.ts';
import { startLoopbackHost, type LoopbackHost } from '../../server/host.ts';
import { ensureRendererBuilt } from '../../scripts/build.ts';

const root = join(import.meta.dirname, '..', '..');
const rendererDir = join(root, 'build', 'renderer');

export const chromiumPath = '/usr/lib/chromium/chromium';
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/// A plain-text press release to import.
export interface SampleDocument {
  name: string;
  text: string;
}

export interface RunningApp {
  library: Library;
  host: LoopbackHost;
  browser: Browser;
  page: Page;
  /// Ids of the imported documents, in the order given.
  documentIds: number[];
  /// What went wrong on the page so far (console errors, exceptions, CSP violations).
  pageProblems: string[];
}

/// Starts everything and registers its teardown (and the page-problem check) on `t`.
export async function startApp(t: TestContext, documents: readonly SampleDocument[]): Promise<RunningApp> {
  await ensureRendererBuilt(root);
  const dir = mkdtempSync(join(tmpdir(), 'excerpt-e2e-'));
  const library = openLibrary(join(dir, 'library.sqlite'));
  const closers: (() => unknown)[] = [() => rmSync(dir, { recursive: true, force: true }), () => library.close()];
  t.after(async () => {
    for (const close of closers.reverse()) await close();
  });

  const result = await library.service.importFiles({
    files: documents.map((d) => ({ name: d.name, bytes: Buffer.from(d.text).toString('base64') })),
  });
  assert.deepEqual(result.failed, [], 'every sample document imports');
  const documentIds = documents.map((d) => result.imported.find((i) => i.name === d.name)!.id);

  const host = await startLoopbackHost({ service: library.service, rendererDir });
  closers.push(() => host.close());
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  closers.push(() => browser.close());

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // File choosers are intercepted from the start: a key press that opens one could otherwise
  // outrun Playwright's switch to interception, and the chooser would open unseen.
  page.on('filechooser', () => {});
  const pageProblems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageProblems.push(`uncaught: ${error.message}`));
  // A violation blocked quietly (a style attribute, say) still reaches this listener.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline content'}`);
    });
  });
  t.after(() => assert.deepEqual(pageProblems, [], 'the page reports no errors'));

  return { library, host, browser, page, documentIds, pageProblems };
}

