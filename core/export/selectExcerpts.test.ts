import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { ExportFilter } from '../../common/api.ts';
import { ExcerptError } from '../../common/errors.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';

/// Three statements from two sources and dates, coded with a small codebook:
/// Security › Cybercrime, Trade, Sovereignty, UN process.
async function codedLibrary(t: TestContext) {
  const library = tempLibrary(t);
  const { service } = library;
  const security = await service.createTag({ name: 'Security' });
  const cybercrime = await service.createTag({ name: 'Cybercrime', parentId: security.id });
  const trade = await service.createTag({ name: 'Trade' });
  const sovereignty = await service.createTag({ name: 'Sovereignty' });
  const un = await service.createTag({ name: 'UN process' });
  const documents: Record<string, number> = {};
  const quotes: Record<string, number> = {};
  const code = async (key: string, title: string, published: string, source: string, paragraphs: Record<string, number[]>) => {
    const body = Object.keys(paragraphs).join('\n\n');
    const id = await importText(library, `${key}.txt`, `${title}\n\n${body}`);
    await service.updateDocument({ id, published, source });
    documents[key] = id;
    const { text } = await service.getDocument({ id });
    for (const [quote, tagIds] of Object.entries(paragraphs)) {
      const start = text.indexOf(quote);
      quotes[quote] = (await service.createAnnotation({ documentId: id, start, end: start + quote.length, tagIds })).id;
    }
  };
  await code('geneva', 'Geneva talks', '2021-11-19', 'Ministry A', {
    'Ransomware gangs were discussed at length.': [cybercrime.id],
    'Sovereign control over networks was stressed.': [sovereignty.id, un.id],
    'Tariffs on equipment were left aside.': [trade.id],
  });
  await code('vienna', 'Vienna meeting', '2023-03-02', 'Ministry B', {
    'The Émigré delegation raised sovereignty within the UN framework.': [sovereignty.id],
  });
  await code('moscow', 'Заявление', '2024-06-01', 'Ministry A', {
    'Стороны обсудили киберпреступность.': [cybercrime.id, un.id],
  });
  // In Vienna a second highlight, of the UN process, covers part of the same paragraph.
  const { text } = await service.getDocument({ id: documents.vienna! });
  const start = text.indexOf('within the UN framework');
  quotes.unFramework = (await service.createAnnotation({ documentId: documents.vienna!, start, end: start + 23, tagIds: [un.id] })).id;
  return { service, documents, quotes };
}

test('excerpt queries combine tags with AND, OR and NOT, a tag standing for its sub-tags unless told not to', async (t) => {
  const { service } = await codedLibrary(t);
  const texts = async (filter: ExportFilter) =>
    (JSON.parse((await service.exportExcerpts({ format: 'json', filter })).content) as { text: string }[]).map((e) => e.text);
  assert.deepEqual(await texts({ tags: ['security'] }), ['Ransomware gangs were discussed at length.', 'Стороны обсудили киберпреступность.'], 'the parent finds its sub-tag, names ignoring case');
  assert.deepEqual(await texts({ tags: ['Security'], withoutSubtags: true }), []);
  assert.deepEqual(await texts({ tags: ['Sovereignty', 'UN process'], allTags: true }), ['Sovereign control over networks was stressed.']);
  assert.deepEqual(await texts({ tags: ['Sovereignty', 'Trade'] }), [
    'Sovereign control over networks was stressed.', 'Tariffs on equipment were left aside.', 'The Émigré delegation raised sovereignty within the UN framework.',
  ]);
  assert.deepEqual(await texts({ tags: ['UN process'], notTags: ['Cybercrime'] }), ['Sovereign control over networks was stressed.', 'within the UN framework']);
  assert.deepEqual(await texts({ notTags: ['Security', 'UN process', 'Sovereignty'] }), ['Tariffs on equipment were left aside.']);
});

test('excerpt queries take document conditions (dates, source) and words in the excerpt, ignoring case and accents in any script', async (t) => {
  const { service } = await codedLibrary(t);
  const texts = async (filter: ExportFilter) =>
    (JSON.parse((await service.exportExcerpts({ format: 'json', filter })).content) as { text: string }[]).map((e) => e.text);
  assert.deepEqual(await texts({ from: '2022-01-01' }), ['The Émigré delegation raised sovereignty within the UN framework.', 'within the UN framework', 'Стороны обсудили киберпреступность.']);
  assert.deepEqual(await texts({ from: '2021-01-01', to: '2023-12-31', source: 'Ministry A' }), [
    'Ransomware gangs were discussed at length.', 'Sovereign control over networks was stressed.', 'Tariffs on equipment were left aside.',
  ]);
  assert.deepEqual(await texts({ search: 'emigre DELEGATION' }), ['The Émigré delegation raised sovereignty within the UN framework.']);
  assert.deepEqual(await texts({ search: 'КИБЕРПРЕСТУПНОСТЬ' }), ['Стороны обсудили киберпреступность.']);
  assert.deepEqual(await texts({ search: 'ransomware tariffs' }), [], 'every word must be in the same excerpt');
});

test('co-occurrence: highlights of a tag overlapping another tag\'s highlight, or sharing a paragraph with one', async (t) => {
  const { service } = await codedLibrary(t);
  const texts = async (filter: ExportFilter) =>
    (JSON.parse((await service.exportExcerpts({ format: 'json', filter })).content) as { text: string }[]).map((e) => e.text);
  assert.deepEqual(await texts({ tags: ['Sovereignty'], cooccurs: { tag: 'UN process', within: 'overlap' } }), [
    'The Émigré delegation raised sovereignty within the UN framework.',
  ], 'the Geneva highlight carries both tags itself: no other highlight overlaps it');
  assert.deepEqual(await texts({ tags: ['Security'], cooccurs: { tag: 'Trade', within: 'paragraph' } }), []);
  assert.deepEqual(await texts({ tags: ['UN process'], cooccurs: { tag: 'Sovereignty', within: 'paragraph' } }), ['within the UN framework']);
});

test('a query naming a tag the codebook lacks, or dates the wrong way round, is refused saying which field', async (t) => {
  const { service } = await codedLibrary(t);
  await assert.rejects(service.exportExcerpts({ format: 'csv', filter: { notTags: ['Nope'] } }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'not-found' && e.field === 'filter.notTags.0' && /no tag called "Nope"/.test(e.message));
  await assert.rejects(service.exportExcerpts({ format: 'csv', filter: { cooccurs: { tag: 'Nope', within: 'overlap' } } }), (e: unknown) =>
    e instanceof ExcerptError && e.field === 'filter.cooccurs.tag');
  await assert.rejects(service.exportExcerpts({ format: 'csv', filter: { from: '2024-01-01', to: '2023-01-01' } }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'invalid-argument' && e.field === 'filter.to');
});
