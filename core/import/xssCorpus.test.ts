import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalText } from '../../common/text.ts';
import { XSS_MARKER, htmlPayloads, xssCorpus } from '../testing/xssPayloads.ts';
import { htmlToDoc } from './htmlToDoc.ts';
import { readDocumentFile } from './index.ts';

/// Every place in a document's JSON where markup could hide: attribute names and values
/// of every node and mark.
function attributesOf(json: unknown, found: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(json)) json.forEach((item) => attributesOf(item, found));
  else if (json && typeof json === 'object') {
    for (const [key, value] of Object.entries(json)) {
      if (key === 'attrs' && value && typeof value === 'object') found.push(...Object.entries(value));
      else attributesOf(value, found);
    }
  }
  return found;
}

function assertInert(name: string, json: unknown): void {
  const allowed = new Set(['href', 'level', 'order']);
  for (const [key, value] of attributesOf(json)) {
    assert.ok(allowed.has(key), `${name}: unexpected attribute ${key}`);
    if (key === 'href') assert.match(String(value), /^(https?:|mailto:)/, `${name}: unsafe link ${String(value)}`);
  }
  const types = new Set(JSON.stringify(json).match(/"type":"[a-z_]+"/g));
  for (const type of types) {
    assert.ok(/"(doc|paragraph|heading|blockquote|bullet_list|ordered_list|list_item|text|hard_break|em|strong|link)"/.test(type), `${name}: ${type}`);
  }
}

test('no HTML payload leaves a handler, an unsafe link or script text in the document', () => {
  for (const payload of htmlPayloads) {
    const doc = htmlToDoc(`<p>Before.</p>${payload.html}<p>After.</p>`);
    assertInert(payload.name, doc.toJSON());
    const text = canonicalText(doc);
    assert.ok(!text.includes(XSS_MARKER), `${payload.name}: script text became document text: ${text}`);
    assert.ok(!/<[a-z!/]/i.test(text), `${payload.name}: markup became document text: ${text}`);
    assert.match(text, /^Before\.[^]*After\.$/, payload.name);
  }
});

test('what the payloads wrap survives as text, and a safe link keeps its address', () => {
  const text = (html: string) => canonicalText(htmlToDoc(html));
  assert.equal(text('<details open ontoggle="x()"><summary>Summary</summary>Details text</details>'), 'Summary\n\nDetails text');
  const link = htmlToDoc('<p><a href="https://example.org/statement" onclick="x()">the statement</a></p>').toJSON();
  assert.deepEqual(attributesOf(link), [['href', 'https://example.org/statement']]);
  assert.equal(text('<p><a href="javascript:x()">click me</a></p>'), 'click me');
});

test('the corpus imported as pages, mail and Markdown carries no handler, unsafe link or (HTML) script text', async () => {
  const corpus = xssCorpus();
  assert.ok(corpus.filter((d) => d.name.endsWith('.html')).length >= 20);
  for (const document of corpus) {
    const imported = await readDocumentFile(document.name, Buffer.from(document.content));
    assertInert(document.name, imported.doc.toJSON());
    const text = canonicalText(imported.doc);
    assert.match(text, /Text before/, document.name);
    // Markdown import keeps raw HTML as literal text on purpose (it shows, it never runs);
    // page and mail import keep no script text at all.
    if (!document.name.endsWith('.md')) assert.ok(!text.includes(XSS_MARKER), `${document.name}: ${text}`);
  }
});
