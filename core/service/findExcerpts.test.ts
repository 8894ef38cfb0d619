import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';
import { around } from './findExcerpts.ts';

test('findExcerpts pages through what a query finds, newest documents first, with context, paragraph, tags and note', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const itu = await service.createTag({ name: 'ITU role' });
  const crime = await service.createTag({ name: 'Information crime' });
  const older = await importText(library, 'older.txt', 'Older statement\n\nThe delegation praised the ITU. It said nothing else.');
  const newer = await importText(library, 'newer.txt', 'Newer statement\n\nFirst paragraph here.\n\nA convention on information crime is needed, said the minister.');
  await service.updateDocument({ id: older, published: '2020-03-01' });
  await service.updateDocument({ id: newer, published: '2024-06-30' });
  const code = async (id: number, quote: string, tagIds: number[], note = '') => {
    const { text } = await service.getDocument({ id });
    return service.createAnnotation({ documentId: id, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, tagIds, note });
  };
  const praised = await code(older, 'praised the ITU', [itu.id], 'Warm tone');
  const convention = await code(newer, 'A convention on information crime', [crime.id, itu.id]);
  await code(newer, 'First paragraph', []);

  const all = await service.findExcerpts({});
  assert.equal(all.total, 2, 'an untagged highlight is not an excerpt');
  assert.deepEqual(all.excerpts.map((e) => [e.id, e.title, e.published, e.paragraph]), [
    [convention.id, 'Newer statement', '2024-06-30', 3],
    [praised.id, 'Older statement', '2020-03-01', 2],
  ]);
  const [first, second] = all.excerpts;
  assert.deepEqual([first!.before, first!.text, first!.after], ['', 'A convention on information crime', ' is needed, said the minister.']);
  assert.deepEqual([second!.before, second!.after, second!.note, second!.tagIds], ['The delegation ', '. It said nothing else.', 'Warm tone', [itu.id]]);
  assert.deepEqual(first!.tagIds, [itu.id, crime.id].sort((a, b) => a - b));
  const { text } = await service.getDocument({ id: newer });
  assert.equal(text.slice(first!.start, first!.end), first!.text, 'offsets point into the stored text, for opening the document there');

  const page = await service.findExcerpts({ filter: { tags: ['ITU role'], from: '2021-01-01' }, offset: 0, limit: 1 });
  assert.deepEqual([page.total, page.excerpts.map((e) => e.id)], [1, [convention.id]]);
  assert.deepEqual((await service.findExcerpts({ offset: 1, limit: 5 })).excerpts.map((e) => e.id), [praised.id]);
  assert.deepEqual((await service.findExcerpts({ filter: { notTags: ['information crime'] } })).excerpts.map((e) => e.id), [praised.id]);

  await assert.rejects(service.findExcerpts({ filter: { tags: ['Sovreignty'] } }), (e: unknown) => e instanceof ExcerptError && e.code === 'not-found' && e.field === 'filter.tags.0');
  await assert.rejects(service.findExcerpts({ limit: 0 }), (e: unknown) => e instanceof ExcerptError && e.field === 'limit');
});

test('the context around a quote stays in its paragraph and never shows part of a word', () => {
  const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
  const text = `Heading\n\n${words}\n\nNext paragraph`;
  const start = text.indexOf('word30');
  const end = start + 'word30'.length;
  const { before, text: quote, after } = around(text, start, end);
  assert.equal(quote, 'word30');
  assert.match(before, /^…word\d+ /);
  assert.match(after, / word\d+…$/);
  assert.ok(`${before.slice(1)}${quote}${after.slice(0, -1)}`.length <= 2 * 160 + quote.length);
  assert.ok(text.includes(before.slice(1) + quote + after.slice(0, -1)), 'the context is the text as it stands, whole words only');
  const short = around(text, text.indexOf('Next'), text.length);
  assert.deepEqual([short.before, short.after], ['', '']);
});
