import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schema } from './schema.ts';
import { BLOCK_SEPARATOR, canonicalText, offsetToPos, posToOffset, textBlocks } from './text.ts';

const { doc, paragraph, heading, blockquote, bullet_list, list_item, hard_break } = schema.nodes;
const p = (text: string) => paragraph!.create(null, text ? schema.text(text) : null);

const sample = doc!.create(null, [
  heading!.create({ level: 1 }, schema.text('Joint statement')),
  p('First 😊 paragraph.'),
  blockquote!.create(null, [p('Quoted words')]),
  bullet_list!.create(null, [list_item!.create(null, [p('One')]), list_item!.create(null, [p('Two')])]),
  paragraph!.create(null, [schema.text('Line one'), hard_break!.create(), schema.text('line two')]),
  p(''),
  p('Last'),
]);

test('the canonical text joins every textblock with the separator', () => {
  assert.equal(
    canonicalText(sample),
    ['Joint statement', 'First 😊 paragraph.', 'Quoted words', 'One', 'Two', 'Line one\nline two', '', 'Last'].join(BLOCK_SEPARATOR),
  );
});

test('every character maps to the position that holds it, and back', () => {
  const text = canonicalText(sample);
  const blocks = textBlocks(sample);
  for (const block of blocks) {
    for (let i = 0; i <= block.length; i++) {
      const pos = offsetToPos(blocks, block.offset + i);
      assert.equal(pos, block.pos + i);
      assert.equal(posToOffset(blocks, pos), block.offset + i);
    }
  }
  // The document's own text between two positions equals the canonical slice.
  const from = text.indexOf('paragraph');
  const to = text.indexOf('words') + 'words'.length;
  const between = sample.textBetween(offsetToPos(blocks, from), offsetToPos(blocks, to), BLOCK_SEPARATOR);
  assert.equal(between, text.slice(from, to));
});

test('offsets inside a separator snap by bias, positions between blocks snap to the block before', () => {
  const blocks = textBlocks(sample);
  const first = blocks[0]!;
  const second = blocks[1]!;
  const inSeparator = first.offset + first.length + 1;
  assert.equal(offsetToPos(blocks, inSeparator, 1), second.pos);
  assert.equal(offsetToPos(blocks, inSeparator, -1), first.pos + first.length);
  assert.equal(posToOffset(blocks, second.pos - 1), first.offset + first.length);
  assert.equal(posToOffset(blocks, 0), 0);
});
