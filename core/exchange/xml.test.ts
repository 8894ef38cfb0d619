/// The XML helpers: references decoded where linkedom's own getter leaves them escaped, line
/// ends read as XML reads them, prefixes ignored, and documents that stop early refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeOf, childElement, childElements, childText, localName, xmlRoot } from './xml.ts';

test('attributes and text come back decoded, line ends as XML reads them', () => {
  const root = xmlRoot('<R a="x &amp; &lt;y&gt; &quot;z&quot; &#10;&#13;&#x1F60A;">\r\n<T>one\r\ntwo&#13;&#10;three <![CDATA[<raw> & more]]></T>\r</R>');
  assert.ok(root);
  assert.equal(attributeOf(root, 'a'), 'x & <y> "z" \n\r😊');
  assert.equal(attributeOf(root, 'missing'), null);
  assert.equal(childText(root, 'T'), 'one\ntwo\r\nthree <raw> & more');
  assert.equal(childText(root, 'Missing'), '');
});

test('elements are found by local name, whatever their prefix', () => {
  const root = xmlRoot('<p:Root xmlns:p="urn:x"><p:Item n="1"/><Item n="2"/><q:Other/></p:Root>');
  assert.ok(root);
  assert.equal(localName(root), 'Root');
  assert.deepEqual(childElements(root, 'Item').map((item) => attributeOf(item, 'n')), ['1', '2']);
  assert.equal(childElement(root, 'Other') && localName(childElement(root, 'Other')!), 'Other');
});

test('a document without an element, or one that stops before its root ends, has no root', () => {
  assert.equal(xmlRoot(''), undefined);
  assert.equal(xmlRoot('plain text'), undefined);
  assert.equal(xmlRoot('<Root><Child/>'), undefined);
  assert.equal(xmlRoot('<Root><Child/></Chi'), undefined);
  assert.ok(xmlRoot('<?xml version="1.0"?>\n<Root/>\n<!-- the end -->\n'));
  assert.ok(xmlRoot('<a.b-c><d/></a.b-c >'));
});
