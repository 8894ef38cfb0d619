import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { sampleSnapshot } from '../testing/exportSample.ts';
import { withForbiddenCharacters } from '../testing/forbiddenCharacters.ts';
import { htmlPayloads } from '../testing/xssPayloads.ts';
import type { ExportSnapshot } from './excerpts.ts';
import { escapeHtml, snapshotToHtml } from './html.ts';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

// parse5 builds the tree as a browser would, so what it finds is what a browser would run.
function elementsIn(node: ParentNode): Element[] {
  return node.childNodes.flatMap((child) => ('tagName' in child ? [child, ...elementsIn(child)] : []));
}

function textOf(node: ParentNode): string {
  return node.childNodes.map((child) => {
    if ('tagName' in child) return child.tagName === 'br' ? '\n' : textOf(child);
    return child.nodeName === '#text' ? child.value : '';
  }).join('');
}

const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/// What a reader sees of the page, element by element.
function outline(html: string): string[] {
  return elementsIn(parse(html)).flatMap((element) => {
    switch (element.tagName) {
      case 'h1': case 'h2': case 'h3': case 'figcaption': return [`${element.tagName}: ${textOf(element)}`];
      case 'p': return attribute(element, 'class') === 'summary' ? [`summary: ${textOf(element)}`] : [];
      case 'blockquote': {
        const paragraphs = elementsIn(element).filter((e) => e.tagName === 'p').map(textOf);
        return [`quote${attribute(element, 'cite') ? ` cite=${attribute(element, 'cite')}` : ''}: ${paragraphs.join(' ¶ ')}`];
      }
      case 'div': return [`${attribute(element, 'class')}: ${elementsIn(element).filter((e) => e.tagName === 'p').map(textOf).join(' ¶ ')}`];
      default: return [];
    }
  });
}

test('the page is a standalone HTML5 document with its language, encoding, policy and stylesheet', () => {
  const page = parse(snapshotToHtml(sampleSnapshot(), '2026-03-02 14:05'));
  assert.equal(page.mode, 'no-quirks');
  const elements = elementsIn(page);
  const find = (tag: string) => elements.filter((e) => e.tagName === tag);
  assert.equal(attribute(find('html')[0]!, 'lang'), 'en');
  assert.deepEqual(find('meta').map((m) => m.attrs.map((a) => `${a.name}=${a.value}`).join(' ')), [
    'charset=utf-8',
    "http-equiv=Content-Security-Policy content=default-src 'none'; style-src 'unsafe-inline'",
    'name=viewport content=width=device-width, initial-scale=1',
  ]);
  assert.equal(textOf(find('title')[0]!), 'Excerpts by tag');
  assert.match(textOf(find('style')[0]!), /blockquote \{/);
  assert.deepEqual(find('script'), []);
  assert.deepEqual(find('link'), []);
});

test('the page reads tag, document, quote with its source, citation and note, in the brief\'s order', () => {
  const url = 'https://example.org/press/2021/11/data-flows?lang=en&view=full';
  const citation = (paragraph: number) => `figcaption: — “Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. ${paragraph}, ${url}`;
  const agreed = `quote cite=${url}: The ministers agreed that *trusted* data flows need <b>common</b> rules & safeguards.`;
  const dataFlows = 'h3: Joint statement on trusted data flows (2021-11-19, Ministry of Digital Affairs)';
  const compare = 'note: Note: Compare with the 2019 wording: "rules" was "principles".';
  assert.deepEqual(outline(snapshotToHtml(sampleSnapshot(), '2026-03-02 14:05')), [
    'h1: Excerpts by tag',
    'summary: Exported 2026-03-02 14:05 · 4 excerpts from 2 documents',
    'h2: Security',
    dataFlows,
    `quote cite=${url}: Security cooperation remains a priority for both governments.`,
    citation(3),
    'h2: Security › Cybercrime',
    dataFlows,
    agreed,
    citation(2),
    compare,
    'h3: Заявление о сотрудничестве в сфере кибербезопасности (Пресс-служба)',
    'quote: Стороны договорились обмениваться сведениями об инцидентах 😊 в течение 24 часов.',
    'figcaption: — “Заявление о сотрудничестве в сфере кибербезопасности”, Пресс-служба, para. 1',
    'note: Note: Срок — 24 часа.',
    'h2: Trade',
    dataFlows,
    agreed,
    citation(2),
    compare,
    `quote cite=${url}: Both sides will set up a joint working group. ¶ Its first report is due in spring 2022.`,
    citation(4),
    'note: Note: Follow up\nin spring.',
  ]);
});

test('no text from the library becomes markup, wherever it stands', () => {
  const injected = ['<img src=x onerror=alert(1)>', ...htmlPayloads.map((payload) => payload.html), '"><script>alert(1)</script>', "' onmouseover='alert(1)"];
  for (const payload of injected) {
    const snapshot: ExportSnapshot = sampleSnapshot();
    snapshot.codebook = snapshot.codebook.map((tag) => ({ ...tag, name: `${tag.name} ${payload}` }));
    snapshot.excerpts = snapshot.excerpts.map((excerpt) => ({
      ...excerpt,
      document: { ...excerpt.document, title: payload, source: payload, url: `https://example.org/${payload}` },
      text: `${payload}\n\n${payload}`,
      note: payload,
    }));
    const html = snapshotToHtml(snapshot, payload);
    const elements = elementsIn(parse(html));
    const tags = new Set(elements.map((e) => e.tagName));
    assert.deepEqual([...tags].filter((tag) => !['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'section', 'figure', 'blockquote', 'p', 'br', 'figcaption', 'div', 'strong'].includes(tag)), [], payload);
    const attributes = new Set(elements.flatMap((e) => e.attrs.map((a) => a.name)));
    assert.deepEqual([...attributes].filter((name) => !['lang', 'charset', 'http-equiv', 'name', 'content', 'cite', 'class'].includes(name)), [], payload);
    assert.equal(elements.filter((e) => e.tagName === 'title').length, 1);
    // The payload reaches the reader as text: in the title, each heading, quote and note.
    const seen = outline(html).join('\n');
    assert.ok(seen.includes(`h3: ${payload}`) && seen.includes(`quote cite=https://example.org/${payload}: ${payload} ¶ ${payload}`) && seen.includes(`note: Note: ${payload}`), payload);
  }
});

test('escaping writes the characters that open markup or close an attribute as references', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
  assert.equal(escapeHtml('Заявление 😊'), 'Заявление 😊');
});

test('the control characters, lone surrogates and noncharacters HTML forbids are left out; the page is as without them', () => {
  assert.equal(snapshotToHtml(withForbiddenCharacters(sampleSnapshot()), 'now'), snapshotToHtml(sampleSnapshot(), 'now'));
});
