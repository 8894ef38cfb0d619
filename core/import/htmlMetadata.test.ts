import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from './htmlDom.ts';
import { readHtmlMetadata, withoutSiteName } from './htmlMetadata.ts';

test('the site name is cut from a page title, whichever side it stands on', () => {
  assert.equal(withoutSiteName('Statement on X | Ministry of Foreign Affairs', 'Ministry of Foreign Affairs'), 'Statement on X');
  assert.equal(withoutSiteName('Ministry of Foreign Affairs — Statement on X', 'ministry of foreign affairs'), 'Statement on X');
  assert.equal(withoutSiteName('Statement on X - MFA', 'MFA'), 'Statement on X');
  assert.equal(withoutSiteName('Statement on X | MFA Press', undefined), 'Statement on X', 'a short tail after "|"');
});

test('a dash or bar that belongs to the title stays', () => {
  assert.equal(withoutSiteName('Geneva – joint statement on cyber norms', undefined), 'Geneva – joint statement on cyber norms');
  assert.equal(withoutSiteName('Statement | Ministry', 'Office of the President'), 'Statement', 'short tail after a bar');
  assert.equal(withoutSiteName('Q&A | what the delegation proposed on the protection of infrastructure', undefined),
    'Q&A | what the delegation proposed on the protection of infrastructure', 'a long tail is part of the title');
  assert.equal(withoutSiteName('  Spaces\n  collapse  ', undefined), 'Spaces collapse');
});

test('metadata sources in order of trust, and nothing invented when a page states nothing', () => {
  const metadata = (head: string, body = '') => readHtmlMetadata(parseHtml(`<html><head>${head}</head><body>${body}</body></html>`));
  assert.deepEqual(metadata(''), { title: undefined, published: undefined, source: undefined, sourceUrl: undefined, language: undefined });
  assert.equal(metadata('<meta name="DATE" content="19.11.2021">').published, '2021-11-19');
  assert.equal(metadata('<meta itemprop="datePublished" content="2021-11-19">').published, '2021-11-19');
  assert.equal(metadata('<meta property="article:published_time" content="not a date">').published, undefined);
  assert.equal(metadata('<meta property="og:locale" content="uz_UZ">').language, 'uz-UZ');
  assert.equal(metadata('<script type="application/ld+json">{broken</script>', '<h1>Heading</h1>').title, 'Heading');
  assert.equal(metadata('<link rel="canonical" href="/relative">').sourceUrl, undefined);
  assert.equal(metadata('<link rel="canonical" href="mailto:press@example.org">').sourceUrl, undefined);
});
