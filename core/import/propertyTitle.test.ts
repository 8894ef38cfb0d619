import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleFromProperties } from './propertyTitle.ts';

test('a stated title is used when it reads as one', () => {
  assert.equal(titleFromProperties('  Joint statement\non cooperation '), 'Joint statement on cooperation');
  assert.equal(titleFromProperties('Заявление МИД'), 'Заявление МИД');
  assert.equal(titleFromProperties('Microsoft Word - Statement on the 2021 convention'), 'Statement on the 2021 convention');
  assert.equal(titleFromProperties('Communiqué'), 'Communiqué');
});

test('file names, addresses, identifiers and placeholders are not titles', () => {
  for (const value of [undefined, 42, '', '   ', '2021-11-19', 'Microsoft Word - draft3.docx', 'statement final.pdf',
    'about:blank', 'https://example.org/press', 'PR_2021_11_final', 'Document1', 'Untitled', 'Title', 'Presentation 2']) {
    assert.equal(titleFromProperties(value), null, String(value));
  }
});
