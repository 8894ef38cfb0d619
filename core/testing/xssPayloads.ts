/// For tests: known script-injection payloads (those behind the published Electron note-app
/// bugs, mXSS nestings, scheme tricks) and documents that carry them in HTML, e-mail and
/// Markdown. Every payload, if it ever ran, would raise `window.__xss`, change the page
/// title and log a console error, so a test in Chromium sees it however it ran.
import { mailMessage } from './writeEml.ts';

/// What a payload does if it runs. No quotes, so it fits in any attribute or URL.
export const XSS_ACTION = 'window.__xss=(window.__xss||0)+1;document.title=`xss`;console.error(`xss ran`)';
/// A word each payload's script carries: the document text must never contain it.
export const XSS_MARKER = '__xss';

const a = XSS_ACTION;

/// HTML payloads, each named for the trick it tries.
export const htmlPayloads: { name: string; html: string }[] = [
  { name: 'img onerror', html: `<img src=x onerror="${a}">` },
  { name: 'svg onload', html: `<svg onload="${a}"><circle r=5></circle></svg>` },
  { name: 'svg script', html: `<svg><script>${a}</script></svg>` },
  { name: 'iframe srcdoc', html: `<iframe srcdoc="<script>parent.${a}</script>"></iframe>` },
  { name: 'javascript link', html: `<p><a href="javascript:${a}">click me</a></p>` },
  { name: 'mixed-case javascript link with entities and whitespace', html: `<p><a href="&#x20;JaVaS&#x09;cRiPt&#x3A;${a}">open</a> <a href="java&NewLine;script:${a}">next</a> <a href="  jAvAsCrIpT:${a}">third</a></p>` },
  { name: 'vbscript link', html: `<p><a href="vbscript:msgbox(1)">vb</a></p>` },
  { name: 'mXSS math/mglyph/style', html: `<math><mtext><table><mglyph><style><img src=x onerror="${a}"></style></mglyph></table></mtext></math>` },
  { name: 'mXSS style comment', html: `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=${a}&gt;"></mglyph></table></mtext></math>` },
  { name: 'mXSS noscript title', html: `<noscript><p title="</noscript><img src=x onerror=${a}>"></noscript>` },
  { name: 'object data', html: `<object data="javascript:${a}"></object><object data="data:text/html,<script>${a}</script>"></object>` },
  { name: 'embed', html: `<embed src="javascript:${a}">` },
  { name: 'form button formaction', html: `<form><button formaction="javascript:${a}">send</button><input type=image src=x onerror="${a}"></form>` },
  { name: 'style @import', html: `<style>@import 'javascript:${a}'; body{background:url("javascript:${a}")}</style>` },
  { name: 'base href', html: `<base href="javascript:${a}//"><p><a href="relative/page">relative</a></p>` },
  { name: 'meta refresh', html: `<meta http-equiv="refresh" content="0;url=javascript:${a}">` },
  { name: 'data URLs', html: `<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a><img src="data:image/svg+xml,<svg onload=${a}>"></p>` },
  { name: 'details ontoggle', html: `<details open ontoggle="${a}"><summary>Summary</summary>Details text</details>` },
  { name: 'event handlers on text', html: `<p onmouseover="${a}" onclick="${a}" style="background:url(javascript:${a})">hover or click me</p>` },
  { name: 'safe link with a handler', html: `<p><a href="https://example.org/statement" onclick="${a}" onmouseover="${a}">the statement</a></p>` },
  { name: 'autofocus onfocus', html: `<input autofocus onfocus="${a}"><textarea autofocus onfocus="${a}"></textarea>` },
  { name: 'media onerror', html: `<video><source onerror="${a}"></video><audio src=x onerror="${a}"></audio>` },
  { name: 'template and xmp', html: `<template><img src=x onerror="${a}"></template><xmp><img src=x onerror="${a}"></xmp>` },
  { name: 'script and style text', html: `<script>${a}</script><style>p{color:red}</style><p>visible words</p>` },
];

/// Markdown payloads: raw HTML (which Markdown import keeps as literal text) and links.
export const markdownPayloads: { name: string; markdown: string }[] = [
  { name: 'javascript link', markdown: `[click me](javascript:${encodeURIComponent(a)})` },
  { name: 'mixed-case link', markdown: `[open](JaVaScRiPt:alert(1)) and <javascript:alert(1)>` },
  { name: 'data link and image', markdown: `[data](data:text/html;base64,PHNjcmlwdD4=) ![x](javascript:alert(1))` },
  { name: 'reference link', markdown: `[ref][r]\n\n[r]: javascript:alert(1)` },
  { name: 'raw html', markdown: htmlPayloads.map((payload) => payload.html).join('\n\n') },
];

/// A corpus document: a file name and its content, as importFiles takes it.
export interface CorpusDocument {
  name: string;
  content: string;
}

/// Every payload inside a page, a mail and a Markdown file, each with a heading and
/// ordinary text around it so the document is never empty.
export function xssCorpus(): CorpusDocument[] {
  const around = (name: string, payload: string) =>
    `<h1>Corpus: ${name}</h1><p>Text before the payload.</p>${payload}<p>Text after the payload.</p>`;
  const documents: CorpusDocument[] = [];
  htmlPayloads.forEach((payload, i) => {
    documents.push({ name: `xss-${String(i + 1).padStart(2, '0')}.html`, content: `<!DOCTYPE html><html><head><title>${payload.name}</title></head><body>${around(payload.name, payload.html)}</body></html>` });
  });
  documents.push({
    name: 'xss-mail.eml',
    content: mailMessage({ subject: 'Fwd: corpus in a mail', html: htmlPayloads.map((payload) => around(payload.name, payload.html)).join('') }),
  });
  markdownPayloads.forEach((payload, i) => {
    documents.push({ name: `xss-${String(i + 1).padStart(2, '0')}.md`, content: `# Corpus: ${payload.name}\n\nText before.\n\n${payload.markdown}\n\nText after.\n` });
  });
  return documents;
}
