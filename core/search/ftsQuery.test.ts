import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RANKED_MATCHES } from '../store/documents.ts';
import { importText, tempLibrary } from '../testing/tempLibrary.ts';
import { ftsQuery, MIN_PREFIX } from './ftsQuery.ts';

test('words become quoted terms that must all occur; quoted words stay one phrase', () => {
  assert.equal(ftsQuery('ITU role'), '"ITU" AND "role"');
  assert.equal(ftsQuery('"joint statement" Geneva'), '"joint statement" AND "Geneva"');
  assert.equal(ftsQuery('  Путин  '), '"Путин"');
  assert.equal(ftsQuery('a EU'), '"a" AND "EU"', 'one- and two-letter words are words');
  assert.equal(ftsQuery('unbalanced "quote goes on'), '"unbalanced" AND "quote goes on"');
});

test(`a star after ${MIN_PREFIX} letters or more asks for a prefix; after fewer it is dropped`, () => {
  assert.equal(ftsQuery('negotiat*'), '"negotiat"*');
  assert.equal(ftsQuery('conven* crime*'), '"conven"* AND "crime"*');
  assert.equal(ftsQuery('Genè**'), '"Genè"*');
  assert.equal(ftsQuery('a*'), '"a"');
  assert.equal(ftsQuery('eu*'), '"eu"');
  assert.equal(ftsQuery('ITU-T*'), '"ITU-T"', 'the word the tokenizer cuts last, "t", is too short');
  assert.equal(ftsQuery('"joint state"*'), '"joint state"');
});

test('AND, OR, NOT and parentheses combine terms', () => {
  assert.equal(ftsQuery('cyber OR information NOT "press conference"'), '("cyber" OR "information") NOT "press conference"');
  assert.equal(ftsQuery('cyber security OR defence'), '"cyber" AND ("security" OR "defence")');
  assert.equal(ftsQuery('cyber AND security'), '"cyber" AND "security"');
  assert.equal(ftsQuery('cyber AND NOT press'), '"cyber" NOT "press"');
  assert.equal(ftsQuery('NOT press cyber NOT treaty'), '"cyber" NOT ("press" OR "treaty")');
  assert.equal(ftsQuery('(cyber OR information) (treaty OR convention)'), '("cyber" OR "information") AND ("treaty" OR "convention")');
  assert.equal(ftsQuery('(cyber security) OR defence'), '("cyber" AND "security") OR "defence"');
  assert.equal(ftsQuery('treaty (cyber NOT press)'), '("treaty" AND "cyber") NOT "press"');
  assert.equal(ftsQuery('a OR (b OR c)'), '"a" OR "b" OR "c"');
});

test('operators out of place, in small letters or quoted are words', () => {
  assert.equal(ftsQuery('NOT'), '"NOT"');
  assert.equal(ftsQuery('NOT press'), '"NOT" AND "press"', 'nothing to keep beside it');
  assert.equal(ftsQuery('a AND'), '"a" AND "AND"');
  assert.equal(ftsQuery('OR x'), '"OR" AND "x"');
  assert.equal(ftsQuery('AND OR NOT'), '"AND" AND "OR" AND "NOT"');
  assert.equal(ftsQuery('war and peace or not'), '"war" AND "and" AND "peace" AND "or" AND "not"');
  assert.equal(ftsQuery('"cyber OR information"'), '"cyber OR information"');
  assert.equal(ftsQuery('NEAR(a b)'), '"NEAR" AND "a" AND "b"');
});

test('other punctuation is text; stray and too deep parentheses are ignored', () => {
  assert.equal(ftsQuery('title:geneva -crime ^start a+b'), '"title:geneva" AND "-crime" AND "^start" AND "a+b"');
  assert.equal(ftsQuery("Putin's"), '"Putin\'s"');
  assert.equal(ftsQuery('(cyber OR information'), '"cyber" OR "information"');
  assert.equal(ftsQuery('cyber) OR (information'), '"cyber" OR "information"');
  assert.equal(ftsQuery('((((geneva))))'), '"geneva"');
  assert.equal(ftsQuery('()'), null);
  const deep = '('.repeat(9) + 'a OR b' + ')'.repeat(9);
  assert.equal(ftsQuery(`${deep} c`), '("a" OR "b") AND "c"');
});

test('a query without a letter or digit is no query', () => {
  for (const typed of ['', '   ', '***', '"" - ( ) :', '— …', '^', '-', ':']) assert.equal(ftsQuery(typed), null, typed);
});

test('whatever is typed, the library accepts the query', async (t) => {
  const library = tempLibrary(t);
  await importText(library, 'a.txt', 'The ITU role\n\nThe convention on information security.');
  const search = library.db.prepare('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?').pluck();
  const typed = ['NOT', 'a AND', '(x', 'NEAR(', 'body:', '"', "it's", 'a*b*', 'x -y', '^', 'a + b', '{a b}: c', 'ITU-T', 'conv*', ')(', 'OR OR OR',
    `${'('.repeat(100)}a OR b${')'.repeat(100)}`, `${'(a OR (b '.repeat(40)}c${'))'.repeat(40)}`, 'NOT x '.repeat(80), 'a* '.repeat(160)];
  // And a few thousand arbitrary mixes of the pieces that could be syntax.
  const pieces = ['AND', 'OR', 'NOT', 'NEAR', '(', ')', '"', '*', '-', ':', '^', '+', '{', '}', ',', 'a', 'ITU', 'conv', 'role', 'é', 'ж', ' ', ' ', ' '];
  let seed = 7;
  const next = (below: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below;
  for (let i = 0; i < 3000; i++) typed.push(Array.from({ length: 1 + next(30) }, () => pieces[next(pieces.length)]).join(''));
  for (const text of typed) {
    const query = ftsQuery(text);
    if (query) assert.doesNotThrow(() => search.get(query), `${text} -> ${query}`);
  }
});

/// A small library of press releases, by name.
async function pressLibrary(t: import('node:test').TestContext) {
  const library = tempLibrary(t);
  const ids = {
    cyberPress: await importText(library, 'a.txt', 'Cyber talks\n\nThe cyber talks ended with a press conference in Genève.'),
    information: await importText(library, 'b.txt', 'Information security\n\nNegotiations on information security continue.'),
    cyberTreaty: await importText(library, 'c.txt', 'Treaty\n\nA cyber treaty is negotiated in Geneve by the EU.'),
    russian: await importText(library, 'd.txt', 'Заявление\n\nЗаявление министерства о международной информационной безопасности.'),
  };
  const search = async (query: string) => (await library.service.searchDocuments({ query })).map((hit) => hit.id).sort((a, b) => a - b);
  return { library, ids, search };
}

test('search ignores case and diacritics on both sides, in any script', async (t) => {
  const { ids, search } = await pressLibrary(t);
  assert.deepEqual(await search('заявление'), [ids.russian]);
  assert.deepEqual(await search('ЗАЯВЛЕНИЕ'), [ids.russian]);
  assert.deepEqual(await search('Genève'), [ids.cyberPress, ids.cyberTreaty]);
  assert.deepEqual(await search('geneve'), [ids.cyberPress, ids.cyberTreaty]);
  assert.deepEqual(await search('Gene\u0300ve'), [ids.cyberPress, ids.cyberTreaty], 'a decomposed è too');
  assert.deepEqual(await search('gené*'), [ids.cyberPress, ids.cyberTreaty]);
  assert.deepEqual(await search('информацион*'), [ids.russian]);
});

test('search combines words, phrases, prefixes and operators', async (t) => {
  const { ids, search } = await pressLibrary(t);
  assert.deepEqual(await search('cyber OR information NOT "press conference"'), [ids.information, ids.cyberTreaty]);
  assert.deepEqual(await search('cyber OR information'), [ids.cyberPress, ids.information, ids.cyberTreaty]);
  assert.deepEqual(await search('cyber talks'), [ids.cyberPress]);
  assert.deepEqual(await search('"talks cyber"'), []);
  assert.deepEqual(await search('negotiat*'), [ids.information, ids.cyberTreaty]);
  assert.deepEqual(await search('(treaty OR talks) NOT press'), [ids.cyberTreaty]);
  assert.deepEqual(await search('EU'), [ids.cyberTreaty], 'a two-letter word');
  assert.deepEqual(await search('a'), [ids.cyberPress, ids.cyberTreaty], 'a one-letter word');
  assert.deepEqual(await search('ne*'), [], 'a prefix too short is the whole word "ne"');
  assert.deepEqual(await search('NOT'), [], 'the word "not", in no document');
  assert.deepEqual(await search('cyber -talks: NEAR'), [], 'all words, NEAR among them');
});

test('search ranks title words above body words and marks the matched words in the snippet', async (t) => {
  const { ids, library } = await pressLibrary(t);
  const hits = await library.service.searchDocuments({ query: 'treaty OR negotiations' });
  assert.deepEqual(hits.map((hit) => hit.id), [ids.cyberTreaty, ids.information], 'the title "Treaty" first');
  assert.deepEqual(hits[1]!.snippet.filter((part) => part.match).map((part) => part.text), ['Negotiations']);
  const [geneva] = await library.service.searchDocuments({ query: 'geneve cyber talk*' });
  assert.deepEqual(geneva!.snippet.filter((part) => part.match).map((part) => part.text), ['Cyber', 'talks', 'cyber', 'talks', 'Genève']);
});

test(`with more than ${RANKED_MATCHES} matches, search ranks the most recently added`, async (t) => {
  const library = tempLibrary(t);
  const add = library.db.prepare(`INSERT INTO documents (title, imported_at, content_hash, doc_json, text) VALUES (?, '2026-01-01T00:00:00.000Z', '', '{}', ?)`);
  // The first document is the best match (its title says it), but the newest ones are ranked.
  library.db.transaction(() => {
    add.run('Statement statement', 'Statement statement');
    for (let i = 1; i <= RANKED_MATCHES; i++) add.run(`Note ${i}`, `A statement, number ${i}.`);
  })();
  const hits = await library.service.searchDocuments({ query: 'statement', limit: 3 });
  assert.equal(hits.length, 3);
  assert.ok(hits.every((hit) => hit.id > 1), 'the oldest match falls outside the ranked ones');
  const narrowed = await library.service.searchDocuments({ query: 'statement NOT 5', limit: 3 });
  assert.equal(narrowed[0]!.id, 1, `${RANKED_MATCHES} matches: all of them ranked`);
});
