import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { canonicalText } from '../../common/text.ts';
import { htmlToDoc } from './htmlToDoc.ts';

const blocks = (html: string) => htmlToDoc(html).content.content.map((node) => `${node.type.name}: ${node.textContent}`);

test('headings, paragraphs, lists, quotes, emphasis and links map onto the schema', () => {
  const doc = htmlToDoc(`
    <h2>Statement</h2>
    <p>The <em>ministers</em> <b>agreed</b> on a <a href="https://example.org/plan">plan</a>.</p>
    <ul><li>first point</li><li><p>second point</p><ol start="3"><li>nested</li></ol></li></ul>
    <blockquote><p>We support it.</p></blockquote>`);
  doc.check();
  assert.deepEqual(JSON.parse(JSON.stringify(doc.toJSON())), {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Statement' }] },
      { type: 'paragraph', content: [
        { type: 'text', text: 'The ' },
        { type: 'text', marks: [{ type: 'em' }], text: 'ministers' },
        { type: 'text', text: ' ' },
        { type: 'text', marks: [{ type: 'strong' }], text: 'agreed' },
        { type: 'text', text: ' on a ' },
        { type: 'text', marks: [{ type: 'link', attrs: { href: 'https://example.org/plan' } }], text: 'plan' },
        { type: 'text', text: '.' },
      ] },
      { type: 'bullet_list', content: [
        { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first point' }] }] },
        { type: 'list_item', content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'second point' }] },
          { type: 'ordered_list', attrs: { order: 3 }, content: [
            { type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'nested' }] }] },
          ] },
        ] },
      ] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'We support it.' }] }] },
    ],
  });
});

test('whitespace is collapsed: line breaks in the source, no-break spaces, soft hyphens, empty blocks', () => {
  assert.equal(
    canonicalText(htmlToDoc('<p>  one\n   two&nbsp;&nbsp;three&shy;four </p><p>&nbsp;</p><p> <br> </p><div>  </div><p>end<br>  next line <br></p>')),
    'one two threefour\n\nend\nnext line',
  );
  assert.equal(canonicalText(htmlToDoc('<p>a <b> b </b> c</p>')), 'a b c');
});

test('divs, table cells and summaries are blocks of their own; their texts do not run together', () => {
  assert.deepEqual(blocks('<div>first</div><div>second <span>part</span></div><table><tr><th>Country</th><td>Position</td></tr></table>'), [
    'paragraph: first', 'paragraph: second part', 'paragraph: Country', 'paragraph: Position',
  ]);
});

test('links are resolved against the page address; other schemes and relative links without one lose their address only', () => {
  const links = (html: string, baseUrl?: string) => {
    const hrefs: string[] = [];
    htmlToDoc(html, { baseUrl }).descendants((node) => {
      for (const mark of node.marks) hrefs.push(mark.attrs.href as string);
    });
    return hrefs;
  };
  const html = '<p><a href="/press/2">rel</a> <a href="mailto:press@example.org">mail</a> <a href="ftp://x/y">ftp</a> <a href=" JaVaScRiPt:alert(1)">js</a></p>';
  assert.deepEqual(links(html, 'https://mfa.example.gov/press/1'), ['https://mfa.example.gov/press/2', 'mailto:press@example.org']);
  assert.deepEqual(links(html), ['mailto:press@example.org']);
  assert.deepEqual(links(html, 'javascript:alert(1)'), ['mailto:press@example.org']);
  assert.equal(canonicalText(htmlToDoc(html)), 'rel mail ftp js');
});

test('scripts, styles, frames, forms, media and hidden elements leave no text', () => {
  const html = `<p>kept</p><script>var secret = 1;</script><style>p { color: red }</style><iframe>frame</iframe>
    <form><label>Search</label><input value="q"><textarea>typed</textarea><select><option>choice</option></select><button>Go</button></form>
    <svg><text>vector</text></svg><math><mi>x</mi></math><template><p>later</p></template><noscript>enable JS</noscript>
    <p hidden>hidden</p><p style="display: none">invisible</p><p style="color:red; visibility:hidden">unseen</p><span aria-hidden="true">icon</span>
    <p>also kept</p>`;
  assert.equal(canonicalText(htmlToDoc(html)), 'kept\n\nalso kept');
});

test('markup with no text left is refused with a reason', () => {
  assert.throws(() => htmlToDoc('<img src="photo.jpg"><script>x()</script><p> </p>'),
    (e: unknown) => e instanceof ExcerptError && e.code === 'unsupported' && /no text/.test(e.message));
});

test('Cyrillic, Uzbek Latin and Cyrillic, Arabic and astral characters pass unchanged', () => {
  const texts = ['Заявление МИД России', 'Oʻzbekiston gʻalaba', 'Ўзбекистон қарори ғалаба ҳақида', 'بيان وزارة الخارجية', 'emoji 😊 𝔘'];
  assert.equal(canonicalText(htmlToDoc(texts.map((text) => `<p>${text}</p>`).join(''))), texts.join('\n\n'));
});
