import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { ftsQuery } from './ftsQuery.ts';

test('every word becomes a quoted phrase; quoted words stay together', () => {
  assert.equal(ftsQuery('ITU role'), '"ITU" "role"');
  assert.equal(ftsQuery('"joint statement" Geneva'), '"joint statement" "Geneva"');
  assert.equal(ftsQuery('  Путин  '), '"Путин"');
});

test('a star at the end of the last word asks for a prefix; elsewhere it means nothing', () => {
  assert.equal(ftsQuery('conven*'), '"conven"*');
  assert.equal(ftsQuery('conven* crime'), '"conven" "crime"');
  assert.equal(ftsQuery('"joint state"*'), '"joint state"');
});

test('FTS syntax typed by the analyst is only text', () => {
  assert.equal(ftsQuery('NOT AND OR NEAR(a b)'), '"NOT" "AND" "OR" "NEAR(a" "b)"');
  assert.equal(ftsQuery('title:geneva -crime ^start'), '"title:geneva" "-crime" "^start"');
  assert.equal(ftsQuery('unbalanced "quote'), '"unbalanced" "quote"');
  assert.equal(ftsQuery("Putin's"), '"Putin\'s"');
});

test('a query without a letter or digit is no query', () => {
  for (const typed of ['', '   ', '***', '"" - ( ) :', '— …']) assert.equal(ftsQuery(typed), null, typed);
});

test('whatever is typed, SQLite accepts the query', () => {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2'); INSERT INTO t VALUES ('the ITU role in the convention')");
  const search = db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck();
  for (const typed of ['NOT', 'a AND', '(x', 'NEAR(', 'body:', '"', "it's", 'a*b*', '*', 'x -y', '^', 'a + b', '{a b}: c', 'ITU-T', 'conv*']) {
    const query = ftsQuery(typed);
    if (query) assert.doesNotThrow(() => search.get(query), typed);
  }
  assert.equal(search.get(ftsQuery('conven*')), 1);
  assert.equal(search.get(ftsQuery('ROLE itu')), 1);
  assert.equal(search.get(ftsQuery('"role in the"')), 1);
  assert.equal(search.get(ftsQuery('"the role"')), 0);
  db.close();
});
