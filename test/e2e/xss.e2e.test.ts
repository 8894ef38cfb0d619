import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xssCorpus } from '../../core/testing/xssPayloads.ts';
import { startApp } from './harness.ts';

// Every payload, if it ran, would raise window.__xss, set the page title to "xss" and log a
// console error (which the harness turns into a failure, as it does CSP violations).
test('no payload of the XSS corpus runs when its documents are opened, hovered and clicked', async (t) => {
  const corpus = xssCorpus();
  const app = await startApp(t, corpus.map((document) => ({ name: document.name, text: document.content })));
  const { page } = app;
  await page.goto(app.host.url);
  const items = page.locator('.library-item');
  await items.first().waitFor();
  assert.equal(await items.count(), corpus.length, 'every corpus document is in the library');
  const pageTitle = await page.title();
  // Clicking a surviving web link must not take the page away; a handler would still run.
  await page.evaluate(() => addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) event.preventDefault();
  }, true));

  for (let i = 0; i < corpus.length; i++) {
    const title = (await items.nth(i).locator('.library-title').textContent())!;
    await items.nth(i).click();
    const text = page.locator(`.document-text[aria-label="Text of “${title}”"]`);
    await text.waitFor();

    // What reached the page: only the schema's elements, no handler, no unsafe address.
    const found = await text.evaluate((root) => {
      const problems: string[] = [];
      for (const element of Array.from(root.querySelectorAll('*'))) {
        if (!/^(P|H[1-6]|BLOCKQUOTE|UL|OL|LI|BR|EM|STRONG|A|SPAN|IMG)$/.test(element.tagName)) problems.push(`element ${element.tagName}`);
        for (const attribute of Array.from(element.attributes)) {
          if (/^on/i.test(attribute.name) || attribute.name === 'srcdoc' || attribute.name === 'style' && /url\(/i.test(attribute.value)) problems.push(`attribute ${attribute.name}`);
          if ((attribute.name === 'href' || attribute.name === 'src') && !/^(https?:|mailto:)/i.test(attribute.value)) problems.push(`${attribute.name}=${attribute.value}`);
        }
      }
      return problems;
    });
    assert.deepEqual(found, [], `${title}: nothing active reached the page`);

    // Every event a handler could wait for, on every element of the text; then a real
    // pointer over and onto the first block and the first link, as an analyst would.
    await text.evaluate((root) => {
      for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
        for (const type of ['mouseover', 'mouseenter', 'mousemove', 'click', 'dblclick', 'focus', 'toggle', 'error', 'load', 'animationstart']) {
          element.dispatchEvent(new Event(type, { bubbles: true }));
        }
      }
    });
    for (const target of [text.locator('p, h1, h2, li').first(), text.locator('a').first()]) {
      if ((await target.count()) === 0) continue;
      await target.hover({ timeout: 5000 });
      await target.click({ position: { x: 2, y: 2 }, timeout: 5000 });
      // A click that selects a word opens the tag picker over the text: close it.
      await page.keyboard.press('Escape');
    }
    const state = await page.evaluate(() => ({ flag: (window as { __xss?: unknown }).__xss ?? null, title: document.title, url: location.pathname }));
    assert.deepEqual(state, { flag: null, title: pageTitle, url: '/' }, `${title}: no payload ran`);
  }
});
