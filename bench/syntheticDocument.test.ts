import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalText } from '../common/text.ts';
import { readDocumentFile } from '../core/import/index.ts';
import { syntheticDocument, SYNTHETIC_CODEBOOK, type SyntheticHighlight } from './syntheticDocument.ts';

/// How many highlights overlap at least one other (a sweep over them in start order).
function overlappingCount(highlights: readonly SyntheticHighlight[]): number {
  const sorted = [...highlights].sort((a, b) => a.start - b.start);
  const overlaps = new Set<number>();
  let reach = -1;
  let reacher = -1;
  sorted.forEach((h, i) => {
    if (h.start < reach) overlaps.add(i).add(reacher);
    if (h.end > reach) {
      reach = h.end;
      reacher = i;
    }
  });
  return overlaps.size;
}

test('the synthetic communiqué is about 1 MB, deterministic, and imports as exactly its text', async () => {
  const document = syntheticDocument();
  assert.deepEqual(syntheticDocument(), document);
  assert.notEqual(syntheticDocument({ seed: 2 }).text, document.text);
  const size = Buffer.byteLength(document.text);
  assert.ok(size >= 1_000_000 && size < 1_002_000, `${size} bytes`);

  const imported = await readDocumentFile('communique.txt', Buffer.from(`${document.text}\n`));
  assert.equal(imported.title, document.title);
  assert.equal(imported.published, '2024-10-14');
  assert.equal(canonicalText(imported.doc), document.text, 'offsets count into the text the library stores');
});

test('5,000 highlights: a fifth overlap another, a tenth cross a paragraph end, all on whole words', () => {
  const { text, highlights } = syntheticDocument();
  assert.equal(highlights.length, 5_000);
  assert.equal(overlappingCount(highlights), 1_000);
  const crossing = highlights.filter((h) => text.slice(h.start, h.end).includes('\n\n'));
  assert.equal(crossing.length, 500);
  assert.ok(crossing.every((h) => text.slice(h.start, h.end).split('\n\n').length === 2), 'a crossing highlight spans two paragraphs');
  for (const h of highlights) {
    const quote = text.slice(h.start, h.end);
    assert.ok(h.end > h.start && /^\S/.test(quote) && /\S$/.test(quote), `"${quote}" starts and ends on a word`);
    assert.ok(!/\S/.test(text[h.start - 1] ?? ' ') && !/\S/.test(text[h.end] ?? ' '), `"${quote}" covers whole words`);
    assert.ok(h.tags.length >= 1 && h.tags.every((t) => t >= 0 && t < SYNTHETIC_CODEBOOK.length) && new Set(h.tags).size === h.tags.length);
  }
  assert.ok(highlights[0]!.start > text.indexOf('2024'), 'the title and date line carry none');
  // Spread over the whole text, not bunched at its start.
  assert.ok(highlights.filter((h) => h.start > text.length * 0.9).length > 300);
});

test('a text too short for the highlights asked is refused', () => {
  assert.throws(() => syntheticDocument({ bytes: 20_000 }), /too few sentences/);
});
