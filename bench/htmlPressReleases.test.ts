import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalText } from '../common/text.ts';
import { readDocumentFile } from '../core/import/index.ts';
import { generateHtmlPressReleases } from './htmlPressReleases.ts';

test('generated pages are deterministic, about 5 KB, and import as their article with its metadata', async () => {
  const pages = generateHtmlPressReleases(60, 7);
  assert.deepEqual(generateHtmlPressReleases(60, 7), pages);
  assert.notDeepEqual(generateHtmlPressReleases(60, 8), pages);
  for (const page of pages) {
    const size = Buffer.byteLength(page.content);
    assert.ok(size > 4500 && size < 6500, `${page.name} is ${size} bytes`);
    const read = await readDocumentFile(page.name, Buffer.from(page.content));
    assert.equal(read.title, page.expected.title);
    assert.equal(read.published, page.expected.published);
    assert.equal(read.source, page.expected.source);
    assert.equal(read.sourceUrl, page.expected.sourceUrl);
    const text = canonicalText(read.doc);
    assert.ok(text.startsWith(`${page.expected.title}\n\n`), page.name);
    assert.ok(text.endsWith(page.expected.paragraphs.join('\n\n')), `${page.name}: the article's paragraphs, in order, end the document`);
    assert.doesNotMatch(text, /cookies|Consular services|Related news|All rights reserved|Share:|dataLayer/, page.name);
  }
});
