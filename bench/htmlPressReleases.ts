/// Generated press releases as saved web pages: the texts of generatePressReleases inside
/// what a ministry's site puts around an article (head with metadata and scripts, a menu, a
/// cookie banner, breadcrumbs, share buttons, related links, a footer). Deterministic for a
/// seed. Each page also returns what an importer should find in it.
import { generatePressReleases, seededRandom, type GeneratedRelease } from './pressReleases.ts';

/// One generated page and the facts an importer should read from it.
export interface GeneratedPage extends GeneratedRelease {
  expected: { title: string; published: string; source: string; sourceUrl: string; paragraphs: string[] };
}

const sites = [
  { name: 'Ministry of Foreign Affairs', host: 'mfa.example.gov' },
  { name: 'National Cyber Agency', host: 'cyber.example.org' },
  { name: 'Office of the President', host: 'www.president.example.gov' },
  { name: 'Permanent Mission to the United Nations', host: 'mission.example.int' },
];
const menu = ['Home', 'About the Ministry', 'Minister', 'Press centre', 'News', 'Statements', 'Foreign policy', 'Consular services', 'Embassies', 'Documents', 'Contacts'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/// `count` press-release pages of about 5 KB each; the same seed gives the same pages.
export function generateHtmlPressReleases(count: number, seed = 20211119): GeneratedPage[] {
  const random = seededRandom(seed ^ 0x5eed);
  const releases = generatePressReleases(count, seed, 2000);
  return releases.map((release, index) => {
    const [title, date, ...rest] = release.content.trim().split('\n\n') as [string, string, ...string[]];
    const published = isoOf(date);
    const site = sites[Math.floor(random() * sites.length)]!;
    const slug = title.toLowerCase().replace(/[^a-z]+/g, '-').slice(0, 60);
    const sourceUrl = `https://${site.host}/press/${published.slice(0, 4)}/${index + 1}-${slug}`;
    const dateInMeta = random() < 0.7;
    const page = [
      '<!DOCTYPE html>',
      `<html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | ${site.name}</title>`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<link rel="canonical" href="${sourceUrl}"><meta property="og:site_name" content="${site.name}">`,
      `<meta property="og:title" content="${escape(title)}"><meta property="og:type" content="article">`,
      dateInMeta ? `<meta property="article:published_time" content="${published}T09:${String(index % 60).padStart(2, '0')}:00+03:00">` : '',
      '<link rel="stylesheet" href="/static/site.css"><style>.cookie{position:fixed;bottom:0}.share a{margin:0 4px}</style>',
      `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag("js",new Date());gtag("config","G-${index}");</script>`,
      '</head><body>',
      '<header class="site-header"><a class="logo" href="/">', site.name, '</a>',
      '<nav class="main-menu"><ul>', ...menu.map((item) => `<li><a href="/${item.toLowerCase().replace(/ /g, '-')}">${item}</a></li>`), '</ul></nav>',
      '<form class="search" action="/search"><input name="q" placeholder="Search"><button>Search</button></form></header>',
      '<div class="cookie-banner" id="cookie-consent">This site uses cookies to improve your experience. <a href="/privacy">Privacy policy</a> <button>Accept all cookies</button></div>',
      '<main><nav class="breadcrumbs"><a href="/">Home</a> › <a href="/press">Press centre</a> › <span>News</span></nav>',
      '<article class="news-item">',
      `<h1>${escape(title)}</h1>`,
      dateInMeta ? `<time class="date" datetime="${published}">${date}</time>` : `<p class="date">${date}</p>`,
      ...rest.map((paragraph) => `<p>${escape(paragraph)}</p>`),
      '<div class="share">Share: <a href="https://twitter.example/share">Twitter</a> <a href="https://facebook.example/share">Facebook</a> <a href="mailto:?subject=news">E-mail</a> <a href="javascript:window.print()">Print</a></div>',
      '</article>',
      '<aside class="related"><h2>Related news</h2><ul>',
      ...[1, 2, 3].map((n) => `<li><a href="/press/${n}">Earlier statement ${n} of ${site.name}</a></li>`),
      '</ul></aside></main>',
      `<footer class="site-footer"><p>© ${published.slice(0, 4)} ${site.name}. All rights reserved.</p><ul><li><a href="/contacts">Contacts</a></li><li><a href="/sitemap">Sitemap</a></li><li><a href="/accessibility">Accessibility</a></li></ul></footer>`,
      '<script src="/static/site.js"></script><script>document.querySelectorAll(".cookie-banner button").forEach(function(b){b.onclick=function(){b.parentNode.remove()}});</script>',
      '</body></html>',
    ].join('\n');
    return {
      name: release.name.replace(/\.txt$/, '.html'),
      content: page,
      expected: { title, published, source: site.name, sourceUrl, paragraphs: rest },
    };
  });
}

function isoOf(date: string): string {
  if (/^\d{4}-\d\d-\d\d$/.test(date)) return date;
  const [day, month, year] = date.split(' ') as [string, string, string];
  return `${year}-${String(months.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
