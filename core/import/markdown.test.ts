import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { canonicalText } from '../../common/text.ts';
import { readMarkdown } from './markdown.ts';

const read = (text: string) => readMarkdown(new TextEncoder().encode(text));

test('Markdown maps into the schema: headings, paragraphs, lists, quotes, emphasis, links', () => {
  const imported = read([
    'For immediate release',
    '',
    '# Ministers agree on a *joint* plan',
    '',
    'Vienna, 12 May 2024',
    '',
    'The ministers **welcomed** the [report](https://example.org/report) and',
    'asked for more.  ',
    'A new line.',
    '',
    '- first point',
    '- second point',
    '',
    '3. third',
    '4. fourth',
    '',
    '> A quoted *statement*.',
  ].join('\n'));
  assert.equal(imported.title, 'Ministers agree on a joint plan');
  assert.equal(imported.published, '2024-05-12');
  const json = imported.doc.toJSON() as { content: { type: string; attrs?: Record<string, unknown> }[] };
  assert.deepEqual(json.content.map((block) => block.type), ['paragraph', 'heading', 'paragraph', 'paragraph', 'bullet_list', 'ordered_list', 'blockquote']);
  assert.deepEqual({ ...json.content[1]!.attrs }, { level: 1 });
  assert.deepEqual({ ...json.content[5]!.attrs }, { order: 3 });
  assert.equal(canonicalText(imported.doc), [
    'For immediate release',
    'Ministers agree on a joint plan',
    'Vienna, 12 May 2024',
    'The ministers welcomed the report and asked for more.\nA new line.',
    'first point', 'second point', 'third', 'fourth',
    'A quoted statement.',
  ].join('\n\n'));
  const paragraph = imported.doc.child(3);
  const marks = (text: string) => {
    let found: string[] = [];
    paragraph.forEach((node) => {
      if (node.text === text) found = node.marks.map((mark) => (mark.type.name === 'link' ? `link ${mark.attrs.href as string}` : mark.type.name));
    });
    return found;
  };
  assert.deepEqual(marks('welcomed'), ['strong']);
  assert.deepEqual(marks('report'), ['link https://example.org/report']);
  imported.doc.check();
});

test('links to anything but web or mail addresses lose the link and keep their text', () => {
  const imported = read('See [files](ftp://example.org/x), [call](tel:+41223000000), [mail](mailto:press@example.org), [web](https://example.org) and [bad](javascript:alert(1)).');
  const links: string[] = [];
  imported.doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'link') links.push(mark.attrs.href as string);
  });
  assert.deepEqual(links, ['mailto:press@example.org', 'https://example.org']);
  // markdown-it itself refuses javascript: links and leaves their source as text
  assert.equal(canonicalText(imported.doc), 'See files, call, mail, web and [bad](javascript:alert(1)).');
});

test('raw HTML stays literal text, code becomes plain paragraphs, images are left out', () => {
  const imported = read('Statement\n\n<script>alert(1)</script>\n\nSee ![logo](logo.png) here <b>now</b>.\n\n```\nline one\nline two\n```');
  assert.equal(canonicalText(imported.doc), 'Statement\n\n<script>alert(1)</script>\n\nSee  here <b>now</b>.\n\nline one\nline two');
  imported.doc.check();
});

test('without a heading near the top the title is the first line', () => {
  const imported = read('Statement by the delegation of Norway\nsecond line of the paragraph\n\n1\n\n2\n\n3\n\n4\n\n## Notes to editors');
  assert.equal(imported.title, 'Statement by the delegation of Norway second line of the paragraph');
});

test('lists and quotes the schema would refuse are completed rather than lost', () => {
  const imported = read('Title\n\n- # heading in a list\n\n>\n\n-\n');
  imported.doc.check();
  assert.match(canonicalText(imported.doc), /heading in a list/);
});

test('a Markdown file with nothing but markup is refused', () => {
  assert.throws(() => read('---\n\n![only an image](x.png)\n'), (e: unknown) => e instanceof ExcerptError && /holds no text/.test(e.message));
});
