import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node } from 'prosemirror-model';
import { schema } from '../../common/schema.ts';
import { canonicalText, textBlocks } from '../../common/text.ts';
import { annotationRange, quoteAt } from '../../renderer/src/editor/ranges.ts';

const { doc, paragraph, heading, bullet_list, list_item, hard_break } = schema.nodes;
const p = (...parts: (string | Node)[]) => paragraph!.create(null, parts.map((part) => (typeof part === 'string' ? schema.text(part) : part)));

const statement = doc!.create(null, [
  heading!.create({ level: 1 }, schema.text('Communiqué on fisheries')),
  p('Delegations met in Reykjavík. ', schema.text('They agreed', [schema.marks.em!.create()]), ' on quotas 🐟.'),
  bullet_list!.create(null, [list_item!.create(null, [p('Quotas rise by 3%.')])]),
  p('Next meeting', hard_break!.create(), 'in March.'),
]);

test('a quote read from the text is the canonical text between the offsets, across blocks, marks and breaks', () => {
  const text = canonicalText(statement);
  const blocks = textBlocks(statement);
  const passages = ['Reykjavík. They agreed', 'quotas 🐟.', 'fisheries\n\nDelegations', '🐟.\n\nQuotas rise by 3%.\n\nNext', 'meeting\nin', text];
  for (const passage of passages) {
    const start = text.indexOf(passage);
    assert.ok(start >= 0, `“${passage}” is in the sample`);
    assert.equal(quoteAt(statement, blocks, { start, end: start + passage.length }), passage);
  }
});

test('a quote ends where the highlight ends in the editor: an offset inside a separator does not take the next block', () => {
  const text = canonicalText(statement);
  const blocks = textBlocks(statement);
  const start = text.indexOf('rise');
  const end = text.indexOf('\n\nNext') + 1;
  const range = annotationRange(blocks, { start, end });
  assert.equal(quoteAt(statement, blocks, { start, end }), statement.textBetween(range.from, range.to, '\n\n'));
  assert.equal(quoteAt(statement, blocks, { start, end }), 'rise by 3%.');
});
