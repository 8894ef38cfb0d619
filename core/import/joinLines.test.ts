import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinLines, vocabularyOf } from './joinLines.ts';

const join = (lines: string[], elsewhere: string[] = []) => joinLines(lines, vocabularyOf([lines, ...elsewhere.map((line) => [line])]));

test('lines of a paragraph are joined with a space', () => {
  assert.equal(join(['The ministers met', 'in Geneva –', 'and agreed.']), 'The ministers met in Geneva – and agreed.');
});

test('a line-end hyphen is decided by the document itself', () => {
  assert.equal(join(['a well-', 'known fact'], ['it is well-known']), 'a well-known fact', '1: the hyphenated form occurs elsewhere');
  assert.equal(join(['the informa-', 'tion age'], ['information matters']), 'the information age', '2: the joined word occurs elsewhere');
  assert.equal(join(['a follow-', 'up meeting'], ['they follow up']), 'a follow-up meeting', '3: both halves are words');
  assert.equal(join(['coopera-', 'tion'], []), 'cooperation', '4: otherwise the halves are one word');
  assert.equal(join(['безопас-', 'ность'], []), 'безопасность', 'in any script');
});

test('soft hyphens always join; before a capital or a digit the hyphen stays', () => {
  assert.equal(join(['infor\u00ad', 'mation']), 'information');
  assert.equal(join(['the Franco-', 'German border']), 'the Franco-German border');
  assert.equal(join(['COVID-', '19 measures']), 'COVID-19 measures');
  assert.equal(join(['a pre\u2010', 'emptive move'], ['pre\u2010emptive']), 'a pre\u2010emptive move', 'the Unicode hyphen too');
});

test('the halves of a broken word are not taken as words of the document', () => {
  const vocabulary = vocabularyOf([['the govern-', 'ment said'], ['they govern well']]);
  assert.ok(vocabulary.words.has('govern'));
  assert.ok(!vocabulary.words.has('ment'));
  assert.equal(joinLines(['the govern-', 'ment said'], vocabulary), 'the government said');
});
