import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { sampleSnapshot } from '../testing/exportSample.ts';
import { withForbiddenCharacters } from '../testing/forbiddenCharacters.ts';
import { markdownBlock, snapshotToMarkdown } from './markdown.ts';

// Raw HTML allowed, as GitHub and most editors allow it: escaping must not rely on the renderer refusing it.
const md = new MarkdownIt({ html: true });
const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

test('the brief reads title, summary, then tag, document, quote, citation and note in order', () => {
  const markdown = snapshotToMarkdown(sampleSnapshot(), '2026-03-02 14:05');
  assert.equal(markdown, `# Excerpts by tag

Exported 2026-03-02 14:05 · 4 excerpts from 2 documents

## Security

### Joint statement on trusted data flows (2021-11-19, Ministry of Digital Affairs)

> Security cooperation remains a priority for both governments.

— “Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. 3, https://example.org/press/2021/11/data-flows?lang=en\\&view=full

## Security › Cybercrime

### Joint statement on trusted data flows (2021-11-19, Ministry of Digital Affairs)

> The ministers agreed that \\*trusted\\* data flows need \\<b\\>common\\</b\\> rules \\& safeguards.

— “Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. 2, https://example.org/press/2021/11/data-flows?lang=en\\&view=full

Note: Compare with the 2019 wording: "rules" was "principles".

### Заявление о сотрудничестве в сфере кибербезопасности (Пресс-служба)

> Стороны договорились обмениваться сведениями об инцидентах 😊 в течение 24 часов.

— “Заявление о сотрудничестве в сфере кибербезопасности”, Пресс-служба, para. 1

Note: Срок — 24 часа.

## Trade

### Joint statement on trusted data flows (2021-11-19, Ministry of Digital Affairs)

> The ministers agreed that \\*trusted\\* data flows need \\<b\\>common\\</b\\> rules \\& safeguards.

— “Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. 2, https://example.org/press/2021/11/data-flows?lang=en\\&view=full

Note: Compare with the 2019 wording: "rules" was "principles".

> Both sides will set up a joint working group.
>
> Its first report is due in spring 2022.

— “Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. 4, https://example.org/press/2021/11/data-flows?lang=en\\&view=full

Note: Follow up\\
in spring.
`);
});

test('rendered, the brief has the headings, quotes and paragraphs a reader expects, text literal', () => {
  const tokens = md.parse(snapshotToMarkdown(sampleSnapshot(), '2026-03-02'), {});
  const outline: string[] = [];
  let depth = 0;
  tokens.forEach((token: Token, i: number) => {
    if (token.type === 'blockquote_open') depth++;
    if (token.type === 'blockquote_close') depth--;
    if (token.type !== 'inline') return;
    const opener = tokens[i - 1]!;
    const text = token.children!.map((child) => (child.type === 'hardbreak' ? '\n' : child.content)).join('');
    outline.push(`${opener.tag}${depth ? ' in quote' : ''}: ${text}`);
    assert.ok(token.children!.every((child) => ['text', 'hardbreak'].includes(child.type)), `only text in "${text}"`);
  });
  assert.deepEqual(outline, [
    'h1: Excerpts by tag',
    'p: Exported 2026-03-02 · 4 excerpts from 2 documents',
    'h2: Security',
    'h3: Joint statement on trusted data flows (2021-11-19, Ministry of Digital Affairs)',
    'p in quote: Security cooperation remains a priority for both governments.',
    'p: — “Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. 3, https://example.org/press/2021/11/data-flows?lang=en&view=full',
    'h2: Security › Cybercrime',
    'h3: Joint statement on trusted data flows (2021-11-19, Ministry of Digital Affairs)',
    'p in quote: The ministers agreed that *trusted* data flows need <b>common</b> rules & safeguards.',
    'p: — “Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. 2, https://example.org/press/2021/11/data-flows?lang=en&view=full',
    'p: Note: Compare with the 2019 wording: "rules" was "principles".',
    'h3: Заявление о сотрудничестве в сфере кибербезопасности (Пресс-служба)',
    'p in quote: Стороны договорились обмениваться сведениями об инцидентах 😊 в течение 24 часов.',
    'p: — “Заявление о сотрудничестве в сфере кибербезопасности”, Пресс-служба, para. 1',
    'p: Note: Срок — 24 часа.',
    'h2: Trade',
    'h3: Joint statement on trusted data flows (2021-11-19, Ministry of Digital Affairs)',
    'p in quote: The ministers agreed that *trusted* data flows need <b>common</b> rules & safeguards.',
    'p: — “Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. 2, https://example.org/press/2021/11/data-flows?lang=en&view=full',
    'p: Note: Compare with the 2019 wording: "rules" was "principles".',
    'p in quote: Both sides will set up a joint working group.',
    'p in quote: Its first report is due in spring 2022.',
    'p: — “Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. 4, https://example.org/press/2021/11/data-flows?lang=en&view=full',
    'p: Note: Follow up\nin spring.',
  ]);
});

test('a quote with Markdown and HTML in it renders as the same text, in any position on a line', () => {
  const tricky = [
    'He said *stars* and **bold** and _under_ and __double__, then <b>bold</b> & &amp; &copy;.',
    '# not a heading #',
    '## closing hashes ##',
    '- not a list item',
    '+ nor this',
    '* nor this',
    '1. not an ordered list',
    '2) nor this',
    '> not a quote',
    '=====',
    '---',
    '***',
    '    four spaces are not code',
    '\tnor is a tab',
    '```js',
    '`code` and ``double``',
    '[a link](javascript:alert(1)) and ![an image](x.png) and [ref]',
    '[ref]: https://example.org',
    '<https://example.org> and <script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<!-- a comment -->',
    'a | table | row',
    '~~struck~~ and ~single~',
    'a backslash \\ and one at the end \\',
    'entity-like &#65; &#x41; &nbsp;',
    'Заявление 😊 𝔘 ends with spaces  ',
  ];
  for (const text of tricky) {
    assert.equal(md.render(markdownBlock(text)), `<p>${escapeHtml(text.trim())}</p>\n`, `${JSON.stringify(text)} as ${JSON.stringify(markdownBlock(text))}`);
  }
});

test('line breaks stay in their paragraph and blank lines part paragraphs', () => {
  assert.equal(markdownBlock('one\ntwo\r\nthree\n\n\n- four\n  \n5. five'), 'one\\\ntwo\\\nthree\n\n\\- four\n\n5\\. five');
  assert.equal(md.render(markdownBlock('one\n- two\n\nthree')), '<p>one<br>\n- two</p>\n<p>three</p>\n');
  assert.equal(markdownBlock('  \n\n'), '');
});

test('no note, no note line; a brief with nothing in it still has its title and summary', () => {
  const snapshot = sampleSnapshot();
  snapshot.excerpts = snapshot.excerpts.filter((e) => e.id === 2);
  assert.ok(!snapshotToMarkdown(snapshot, 'now').includes('Note:'));
  assert.equal(snapshotToMarkdown({ ...snapshot, excerpts: [] }, 'now'), '# Excerpts by tag\n\nExported now · 0 excerpts from 0 documents\n');
});

test('control characters, lone surrogates and noncharacters are left out; the brief is as without them', () => {
  assert.equal(snapshotToMarkdown(withForbiddenCharacters(sampleSnapshot()), 'now'), snapshotToMarkdown(sampleSnapshot(), 'now'));
});
