import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcerptError } from '../../common/errors.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';

test('a query saved under a name is listed with its count now, replaced by name, and deleted', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const sovereignty = await service.createTag({ name: 'Sovereignty' });
  const un = await service.createTag({ name: 'UN process' });
  const id = await importText(library, 'talks.txt', 'Talks in Geneva\n\nSovereign control was stressed. The UN track was welcomed.');
  const { text } = await service.getDocument({ id });
  const code = (quote: string, tagIds: number[]) => service.createAnnotation({ documentId: id, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, tagIds });
  await code('Sovereign control was stressed.', [sovereignty.id, un.id]);
  await code('The UN track was welcomed.', [un.id]);

  const both = await service.saveQuery({ name: 'Sovereignty in the UN', filter: { tags: ['Sovereignty', 'UN process'], allTags: true } });
  assert.deepEqual([both.name, both.count, both.problem, both.filter], ['Sovereignty in the UN', 1, null, { tags: ['Sovereignty', 'UN process'], allTags: true }]);
  await service.saveQuery({ name: 'All UN', filter: { tags: ['UN process'] } });
  assert.deepEqual((await service.listSavedQueries({})).map((q) => [q.name, q.count]), [['All UN', 2], ['Sovereignty in the UN', 1]]);

  // Coding more changes the counts; saving under the same name (any case) replaces the query.
  await code('Talks in Geneva', [un.id]);
  const replaced = await service.saveQuery({ name: 'all un', filter: { tags: ['UN process'], notTags: ['Sovereignty'] } });
  assert.deepEqual((await service.listSavedQueries({})).map((q) => [q.id, q.name, q.count]), [[replaced.id, 'all un', 2], [both.id, 'Sovereignty in the UN', 1]]);

  // A tag deleted since: the query finds nothing and says why.
  await service.deleteTag({ id: sovereignty.id });
  const [, orphan] = await service.listSavedQueries({});
  assert.equal(orphan!.count, 0);
  assert.match(orphan!.problem!, /no tag called "Sovereignty"/);

  assert.deepEqual(await service.deleteSavedQuery({ id: both.id }), { id: both.id });
  assert.deepEqual((await service.listSavedQueries({})).map((q) => q.name), ['all un']);
  await assert.rejects(service.deleteSavedQuery({ id: both.id }), (e: unknown) => e instanceof ExcerptError && e.code === 'not-found' && e.field === 'id');
});

test('a query naming a tag the codebook lacks, or without a name, is refused and nothing is saved', async (t) => {
  const { service } = tempLibrary(t);
  await assert.rejects(service.saveQuery({ name: 'Typo', filter: { tags: ['Sovreignty'] } }), (e: unknown) =>
    e instanceof ExcerptError && e.code === 'not-found' && e.field === 'filter.tags.0');
  await assert.rejects(service.saveQuery({ name: '  ', filter: {} }), (e: unknown) => e instanceof ExcerptError && e.field === 'name');
  assert.deepEqual(await service.listSavedQueries({}), []);
});
