import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleSnapshot } from '../testing/exportSample.ts';
import { briefOf, briefSummary, citation, documentHeading, paragraphsOf, tagPaths } from './brief.ts';
import type { ExcerptDocument } from './excerpts.ts';

test('excerpts stand under each of their tags in codebook order, then under their documents, dated first', () => {
  const brief = briefOf(sampleSnapshot());
  assert.deepEqual(brief.tags.map((t) => ({
    path: t.path,
    documents: t.documents.map((d) => ({ id: d.document.id, excerpts: d.excerpts.map((e) => e.id) })),
  })), [
    { path: 'Security', documents: [{ id: 11, excerpts: [2] }] },
    { path: 'Security › Cybercrime', documents: [{ id: 11, excerpts: [1] }, { id: 12, excerpts: [4] }] },
    { path: 'Trade', documents: [{ id: 11, excerpts: [1, 3] }] },
  ]);
  assert.equal(brief.excerptCount, 4);
  assert.equal(brief.documentCount, 2);
});

test('a tag with no excerpts has no heading in the brief', () => {
  const snapshot = sampleSnapshot();
  snapshot.excerpts = snapshot.excerpts.filter((e) => !e.tagIds.includes(1));
  assert.deepEqual(briefOf(snapshot).tags.map((t) => t.path), ['Security › Cybercrime', 'Trade']);
  assert.deepEqual(briefOf({ ...snapshot, excerpts: [] }), { tags: [], excerptCount: 0, documentCount: 0 });
});

test('documents are ordered by date, then title, undated last', () => {
  const snapshot = sampleSnapshot();
  const [first] = snapshot.excerpts;
  const at = (id: number, title: string, published: string | null) => ({ ...first!, document: { ...first!.document, id, title, published } });
  snapshot.excerpts = [at(5, 'Undated', null), at(4, 'Beta', '2022-03-01'), at(3, 'Alpha', '2022-03-01'), at(2, 'Zulu', '2020-01-31'), at(1, 'Another undated', null)];
  const [trade] = briefOf(snapshot).tags.filter((t) => t.path === 'Trade');
  assert.deepEqual(trade!.documents.map((d) => d.document.title), ['Zulu', 'Alpha', 'Beta', 'Another undated', 'Undated']);
});

test('a tag path names every ancestor, deepest last', () => {
  const [security, cybercrime] = sampleSnapshot().codebook;
  const grandchild = { ...cybercrime!, id: 9, name: 'Ransomware', parentId: cybercrime!.id };
  assert.deepEqual([...tagPaths([security!, cybercrime!, grandchild])], [[1, 'Security'], [2, 'Security › Cybercrime'], [9, 'Security › Cybercrime › Ransomware']]);
});

test('a citation gives title, source, date, paragraph and address, leaving out what is missing', () => {
  const [tagged, , , russian] = sampleSnapshot().excerpts;
  assert.equal(citation(tagged!), '“Joint statement on trusted data flows”, Ministry of Digital Affairs, 2021-11-19, para. 2, https://example.org/press/2021/11/data-flows?lang=en&view=full');
  assert.equal(citation(russian!), '“Заявление о сотрудничестве в сфере кибербезопасности”, Пресс-служба, para. 1');
  assert.equal(citation({ ...russian!, document: { ...russian!.document, source: null } }), '“Заявление о сотрудничестве в сфере кибербезопасности”, para. 1');
});

test('a document heading adds its date and source in parentheses when it has them', () => {
  const document: ExcerptDocument = { id: 1, title: 'Statement', source: 'Ministry', published: '2021-11-19', url: null };
  assert.equal(documentHeading(document), 'Statement (2021-11-19, Ministry)');
  assert.equal(documentHeading({ ...document, published: null }), 'Statement (Ministry)');
  assert.equal(documentHeading({ ...document, source: null }), 'Statement (2021-11-19)');
  assert.equal(documentHeading({ ...document, source: null, published: null }), 'Statement');
});

test('the summary says when the brief was exported and how much it holds', () => {
  const brief = briefOf(sampleSnapshot());
  assert.equal(briefSummary(brief, '2026-03-02 14:05'), 'Exported 2026-03-02 14:05 · 4 excerpts from 2 documents');
  assert.equal(briefSummary({ tags: [], excerptCount: 1, documentCount: 1 }, 'today'), 'Exported today · 1 excerpt from 1 document');
});

test('a text parts into paragraphs at blank lines and into lines at single breaks', () => {
  assert.deepEqual(paragraphsOf('One\r\ntwo.\n\n\n  Three \n \nfour\rfive'), [['One', 'two.'], ['Three'], ['four', 'five']]);
  assert.deepEqual(paragraphsOf(' \n\n'), []);
});
