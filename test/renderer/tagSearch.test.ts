import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Tag } from '../../common/types.ts';
import { findTagByPath, markedParts, rankTags, type RankedTag } from '../../renderer/src/tagSearch.ts';

function tag(id: number, name: string, parentId: number | null = null, position = id): Tag {
  return { id, name, parentId, color: '#1c7ed6', description: '', whenToUse: '', whenNotToUse: '', example: '', shortcut: null, position };
}

const codebook: Tag[] = [
  tag(1, 'Mandates'),
  tag(2, 'ITU role', 1),
  tag(3, 'Résolution', 1),
  tag(4, 'Roles'),
  tag(5, 'Information crime convention', 4),
  tag(6, 'Role'),
  tag(7, 'Firm'),
  tag(8, 'Information rights'),
];

const paths = (found: readonly RankedTag[]) => found.map((f) => f.path);
const marked = (found: RankedTag) => found.marks.map((m) => found.path.slice(m.start, m.end));

test('a few letters find a tag by its name, with the letters that matched marked in its path', () => {
  const [first, ...rest] = rankTags(codebook, 'itu');
  assert.equal(first?.path, 'Mandates › ITU role');
  assert.equal(first?.tag.id, 2);
  assert.deepEqual(marked(first!), ['ITU']);
  assert.deepEqual(first?.marks, [{ start: 11, end: 14 }]);
  assert.deepEqual(rest, []);
});

test('letters may be spread over the path, across the parent and the name, in order only', () => {
  const found = rankTags(codebook, 'mand itu');
  assert.deepEqual(paths(found), ['Mandates › ITU role']);
  assert.deepEqual(marked(found[0]!), ['Mand', 'ITU']);
  assert.deepEqual(paths(rankTags(codebook, 'Mandates / ITU role')), ['Mandates › ITU role']);
  assert.deepEqual(paths(rankTags(codebook, 'Mandates › ITU')), ['Mandates › ITU role']);
  assert.deepEqual(rankTags([tag(1, 'ITU role')], 'uti'), [], 'the letters of "itu" out of order find nothing');
  assert.deepEqual(rankTags(codebook, 'xyz'), []);
});

test('case and accents are ignored, and the mark covers the accented letter as written', () => {
  const found = rankTags(codebook, 'RESOLUTION');
  assert.deepEqual(paths(found), ['Mandates › Résolution']);
  assert.deepEqual(marked(found[0]!), ['Résolution']);
  const typedWithAccent = rankTags(codebook, 'résol');
  assert.deepEqual(marked(typedWithAccent[0]!), ['Résol']);
  // The same name stored decomposed: the mark takes in the combining accent with its letter.
  const decomposed = [tag(1, 'Re\u0301solution')];
  const [only] = rankTags(decomposed, 'res');
  assert.deepEqual(marked(only!), ['Re\u0301s']);
});

test('a match in the name ranks above a match only through the parent, and shorter names first', () => {
  assert.deepEqual(paths(rankTags(codebook, 'role')), ['Role', 'Roles', 'Mandates › ITU role', 'Roles › Information crime convention']);
  const [name, , , pathOnly] = rankTags(codebook, 'role');
  assert.ok(name!.score > pathOnly!.score);
  // Letters scattered over a name still beat the same letters side by side in a parent's name.
  const tags = [tag(1, 'Role'), tag(2, 'Conventions', 1), tag(3, 'Procurement guidelines')];
  assert.deepEqual(paths(rankTags(tags, 'role')), ['Role', 'Procurement guidelines', 'Role › Conventions']);
});

test('letters at the start of words and letters side by side count for more', () => {
  // "ir": the initials of "Information rights" beat two letters inside "Firm".
  assert.deepEqual(paths(rankTags([tag(1, 'Firm'), tag(2, 'Information rights')], 'ir')), ['Information rights', 'Firm']);
  // "crim": side by side in "Cybercrime" beats the same letters spread over "Cyber regime".
  const tags = [tag(1, 'Cyber regime'), tag(2, 'Cybercrime')];
  assert.deepEqual(paths(rankTags(tags, 'crim')), ['Cybercrime', 'Cyber regime']);
  assert.deepEqual(marked(rankTags(tags, 'crim')[0]!), ['crim']);
});

test('with nothing typed, the recent tags come first, then the codebook in its order', () => {
  const found = rankTags(codebook, '  ', [5, 99, 3, 5]);
  assert.deepEqual(
    found.map((f) => f.tag.id),
    [5, 3, 1, 2, 4, 6, 7, 8],
  );
  assert.ok(found.every((f) => f.marks.length === 0));
  assert.deepEqual(
    rankTags(codebook, '').map((f) => f.path),
    ['Mandates', 'Mandates › ITU role', 'Mandates › Résolution', 'Roles', 'Roles › Information crime convention', 'Role', 'Firm', 'Information rights'],
  );
});

test('a tag is found by its path, without regard to case, from the top level down', () => {
  assert.equal(findTagByPath(codebook, ['mandates', 'itu ROLE'])?.id, 2);
  assert.equal(findTagByPath(codebook, ['ITU role']), undefined, 'ITU role is not at the top level');
  assert.equal(findTagByPath(codebook, ['Roles'])?.id, 4);
});

test('a path is cut into plain and marked parts, within the span asked for', () => {
  const marks = [{ start: 0, end: 4 }, { start: 11, end: 14 }];
  const path = 'Mandates › ITU role';
  assert.deepEqual(markedParts(path, marks), [
    { text: 'Mand', marked: true },
    { text: 'ates › ', marked: false },
    { text: 'ITU', marked: true },
    { text: ' role', marked: false },
  ]);
  assert.deepEqual(markedParts(path, marks, 0, 11), [
    { text: 'Mand', marked: true },
    { text: 'ates › ', marked: false },
  ]);
  assert.deepEqual(markedParts(path, marks, 11), [
    { text: 'ITU', marked: true },
    { text: ' role', marked: false },
  ]);
  assert.deepEqual(markedParts('Role', []), [{ text: 'Role', marked: false }]);
});

test('a codebook of 1,000 tags is ranked well within a keystroke', () => {
  const words = ['mandate', 'role', 'union', 'convention', 'crime', 'résolution', 'cyber', 'security', 'treaty', 'development', 'human', 'rights'];
  const tags: Tag[] = [];
  for (let id = 1; id <= 1000; id++) {
    const name = `${words[id % words.length]} ${words[(id * 7) % words.length]} ${id}`;
    // Three levels: every tenth tag a root, the others under the root or the tag before.
    const parentId = id % 10 === 1 ? null : id % 2 === 0 ? id - (id % 10) + 1 : id - 1;
    tags.push(tag(id, name, parentId));
  }
  rankTags(tags, 'c');
  // A word typed letter by letter, three times over; the median keystroke keeps a busy machine
  // (a pause for garbage collection, another process) from failing the test.
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of ['c', 'cy', 'cyb', 'cybe', 'cyber', 'cyber ', 'cyber s', 'cyber se', 'ur', 'hr 9', 'rights 13']) {
      const started = performance.now();
      const found = rankTags(tags, query);
      times.push(performance.now() - started);
      assert.ok(found.length > 0, `"${query}" finds tags`);
    }
  }
  const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  assert.ok(median < 10, `the median keystroke took ${median.toFixed(1)} ms`);
});
