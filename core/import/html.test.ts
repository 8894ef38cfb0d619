import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalText } from '../../common/text.ts';
import { encodeSingleByte } from '../testing/legacyBytes.ts';
import { readHtml } from './html.ts';

const paragraphs = [
  'The Ministry of Foreign Affairs welcomes the adoption by consensus of the report of the Open-ended Working Group on security of and in the use of information and communications technologies.',
  '"We consider the report a solid basis for a permanent mechanism under the auspices of the United Nations," the Minister said, adding that the role of the International Telecommunication Union should be strengthened.',
  'The delegation will present its proposals on confidence-building measures at the next session in New York, and invites all States to take part in the consultations.',
];
const chromeWords = ['Consular services', 'cookies', 'Accept all', 'Share on', 'Related news', 'All rights reserved', 'Subscribe', 'tracking', 'gtag', 'Search'];

/// A ministry's page as it is saved from a browser: the article inside everything around it.
function ministryPage(head: string, articleTop: string): string {
  return `<!DOCTYPE html>
<html lang="en-gb"><head><meta charset="utf-8">${head}
<script>window.dataLayer = []; function gtag(){ dataLayer.push(arguments) } gtag('tracking');</script>
<style>.cookie-banner { position: fixed }</style></head>
<body>
<header><a href="/">Ministry of Foreign Affairs</a>
  <nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/ministry">The Ministry</a></li><li><a href="/consular">Consular services</a></li><li><a href="/press">Press centre</a></li></ul></nav>
  <form action="/search"><input name="q"><button>Search</button></form></header>
<div id="cookie-banner" class="cookie-banner">We use cookies to improve the site. <button>Accept all</button> <a href="/privacy">Privacy</a></div>
<main>
  <article class="news">
    ${articleTop}
    ${paragraphs.map((text) => `<p>${text}</p>`).join('\n    ')}
    <div class="share-buttons">Share on <a href="https://social.example/share">Social</a> <a href="javascript:print()">Print</a></div>
  </article>
  <aside class="related"><h3>Related news</h3><ul><li><a href="/press/1">Minister meets counterpart</a></li><li><a href="/press/2">Briefing</a></li></ul></aside>
</main>
<footer><p>© 2021 Ministry of Foreign Affairs. All rights reserved.</p><a href="/subscribe">Subscribe</a></footer>
<script src="/analytics.js"></script><script>document.title = 'tracking ' + location.href;</script>
</body></html>`;
}

const read = (html: string) => readHtml(Buffer.from(html));

function assertArticleOnly(text: string): void {
  for (const paragraph of paragraphs) assert.ok(text.includes(paragraph), `the article keeps: ${paragraph.slice(0, 40)}…`);
  for (const word of chromeWords) assert.ok(!text.includes(word), `the page chrome "${word}" is gone: ${text}`);
}

test('a saved page gives its article and its metadata: title, date, site, canonical address, language', () => {
  const imported = read(ministryPage(`
    <title>Statement on the OEWG report | Ministry of Foreign Affairs</title>
    <meta property="og:title" content="Statement on the OEWG report">
    <meta property="og:site_name" content="Ministry of Foreign Affairs">
    <meta property="article:published_time" content="2021-03-12T18:30:00+03:00">
    <link rel="canonical" href="https://mfa.example.gov/press/2021/oewg-report">`,
  '<h1>Statement on the OEWG report</h1><p class="date"><time datetime="2021-03-12">12 March 2021</time></p>'));
  assert.equal(imported.title, 'Statement on the OEWG report');
  assert.equal(imported.published, '2021-03-12');
  assert.equal(imported.source, 'Ministry of Foreign Affairs');
  assert.equal(imported.sourceUrl, 'https://mfa.example.gov/press/2021/oewg-report');
  assert.equal(imported.language, 'en-GB');
  const text = canonicalText(imported.doc);
  assertArticleOnly(text);
  assert.equal(imported.doc.firstChild!.type.name, 'heading', 'the document starts with its title as a heading');
  assert.equal(imported.doc.firstChild!.textContent, 'Statement on the OEWG report');
  assert.equal(text.split('Statement on the OEWG report').length, 2, 'the title appears once');
  imported.doc.check();
});

test('without Open Graph: title from <title> without the site, date from JSON-LD, source from the canonical host', () => {
  const imported = read(ministryPage(`
    <title>Minister's remarks at the ITU Council | MFA</title>
    <link rel="canonical" href="https://www.mfa.example.gov/en/remarks/77">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Remarks <\\/script> at the Council","datePublished":"2022-09-30T10:00:00Z"}]}</script>`,
  ''));
  assert.equal(imported.title, 'Remarks </script> at the Council', 'the JSON-LD headline, read as text');
  assert.equal(imported.published, '2022-09-30');
  assert.equal(imported.source, 'mfa.example.gov');
  assert.equal(imported.sourceUrl, 'https://www.mfa.example.gov/en/remarks/77');
  assertArticleOnly(canonicalText(imported.doc));
});

test('a page with no metadata: title from the <h1>, date from a <time> element or from a date line near the top', () => {
  const withTime = read(ministryPage('<title>News</title>', '<h1>Joint statement on cyber norms</h1><time datetime="2020-05-07T09:00">7 May</time>'));
  assert.equal(withTime.title, 'Joint statement on cyber norms');
  assert.equal(withTime.published, '2020-05-07');
  assert.equal(withTime.source, undefined);
  assert.equal(withTime.sourceUrl, undefined);

  const withDateLine = read(ministryPage('', '<h1>Joint statement on cyber norms</h1><p>Geneva, 19 November 2021</p>'));
  assert.equal(withDateLine.title, 'Joint statement on cyber norms');
  assert.equal(withDateLine.published, '2021-11-19');
  assert.ok(canonicalText(withDateLine.doc).startsWith('Joint statement on cyber norms\n\nGeneva, 19 November 2021\n\n'));
});

test('only web addresses are kept as the source URL; relative links in the article are resolved against it', () => {
  const imported = read(ministryPage(`
    <link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://mfa.example.gov/a/1">`,
  '<h1>Title</h1><p>See <a href="/docs/report.pdf">the report</a> and <a href="data:text/html,x">this</a>.</p>'));
  assert.equal(imported.sourceUrl, 'https://mfa.example.gov/a/1');
  const hrefs: string[] = [];
  imported.doc.descendants((node) => {
    node.marks.forEach((mark) => hrefs.push(mark.attrs.href as string));
  });
  assert.deepEqual(hrefs, ['https://mfa.example.gov/docs/report.pdf']);
});

test('a short page still gives its text, without menus and footer', () => {
  const imported = read(`<html><head><title>Notice</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <main><h1>Office closed</h1><p>The press office is closed on Friday.</p></main><footer>All rights reserved</footer></body></html>`);
  assert.equal(imported.title, 'Office closed', 'the <h1> comes before the <title>');
  const text = canonicalText(imported.doc);
  assert.match(text, /The press office is closed on Friday\./);
  assert.doesNotMatch(text, /Home|All rights reserved/);
});

test('a Cyrillic page in Windows-1251 (declared) and KOI8-R (undeclared) is decoded, not mangled', () => {
  const title = 'Заявление МИД России о конвенции ООН';
  const body = 'Российская Федерация выступает за выработку под эгидой Организации Объединённых Наций универсальной конвенции о противодействии информационной преступности. Мы призываем все государства к конструктивному сотрудничеству.';
  const page = (charset: string) => `<html lang="ru"><head>${charset}<title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p><p>${body}</p></article></body></html>`;
  for (const [bytes, name] of [
    [encodeSingleByte(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'), 'windows-1251'), 'windows-1251'],
    [encodeSingleByte(page(''), 'koi8-r'), 'koi8-r'],
  ] as const) {
    const imported = readHtml(bytes);
    assert.equal(imported.title, title, name);
    assert.equal(imported.language, 'ru');
    assert.ok(canonicalText(imported.doc).includes(body), name);
  }
});

test('a page too large to search for its article gives its <main> instead', () => {
  const links = '<a href="/x">menu</a>'.repeat(31_000);
  const imported = read(`<html><body><nav>${links}</nav><main><h1>Huge page</h1><p>The words that matter.</p></main></body></html>`);
  assert.equal(canonicalText(imported.doc), 'Huge page\n\nThe words that matter.');
});
