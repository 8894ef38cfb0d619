import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Tag } from '../../common/types.ts';
import {
  buildTagTree, descendants, dropMove, dropPlacement, keyboardMove, moveToTopLevel, subtreeIds, visibleRows, type TagTree,
} from '../../renderer/src/codebookTree.ts';

let nextId = 1;
function tag(name: string, parentId: number | null, position: number): Tag {
  return { id: nextId++, name, parentId, color: '#1c7ed6', description: '', whenToUse: '', whenNotToUse: '', example: '', shortcut: null, position };
}

// Mandates (ITU role, UN role (Security Council)), Actors, Cooperation, listed out of order.
const mandates = tag('Mandates', null, 0);
const itu = tag('ITU role', mandates.id, 0);
const un = tag('UN role', mandates.id, 1);
const council = tag('Security Council', un.id, 0);
const actors = tag('Actors', null, 1);
const cooperation = tag('Cooperation', null, 2);
const codebook = [cooperation, council, un, itu, actors, mandates];
const tree = buildTagTree(codebook);

const names = (nodes: readonly { tag: Tag }[]) => nodes.map((n) => n.tag.name);
const node = (t: TagTree, tag: Tag) => t.byId.get(tag.id)!;

test('the tree nests sub-tags under their parents in sibling order, with paths', () => {
  assert.deepEqual(names(tree.roots), ['Mandates', 'Actors', 'Cooperation']);
  assert.deepEqual(names(node(tree, mandates).children), ['ITU role', 'UN role']);
  assert.equal(node(tree, council).path, 'Mandates › UN role › Security Council');
  assert.equal(node(tree, council).depth, 2);
  assert.equal(node(tree, council).parentId, un.id);
  assert.deepEqual(subtreeIds(node(tree, mandates)), [mandates.id, itu.id, un.id, council.id]);
  assert.deepEqual(names(descendants(node(tree, mandates))), ['ITU role', 'UN role', 'Security Council']);
  assert.deepEqual(descendants(node(tree, actors)), []);

  const orphan = tag('Orphan', 999, 0);
  assert.deepEqual(names(buildTagTree([...codebook, orphan]).roots), ['Mandates', 'Orphan', 'Actors', 'Cooperation'], 'a tag whose parent is missing shows at the top level');
  assert.equal(buildTagTree([orphan]).byId.get(orphan.id)!.parentId, null);
});

test('collapsed tags hide their sub-tags from the rows', () => {
  assert.deepEqual(names(visibleRows(tree.roots, new Set())), ['Mandates', 'ITU role', 'UN role', 'Security Council', 'Actors', 'Cooperation']);
  assert.deepEqual(names(visibleRows(tree.roots, new Set([un.id]))), ['Mandates', 'ITU role', 'UN role', 'Actors', 'Cooperation']);
  assert.deepEqual(names(visibleRows(tree.roots, new Set([mandates.id, un.id]))), ['Mandates', 'Actors', 'Cooperation']);
});

test('the pointer height in a row decides before, inside or after', () => {
  assert.equal(dropPlacement(0, 40), 'before');
  assert.equal(dropPlacement(9, 40), 'before');
  assert.equal(dropPlacement(10, 40), 'inside');
  assert.equal(dropPlacement(30, 40), 'inside');
  assert.equal(dropPlacement(31, 40), 'after');
  assert.equal(dropPlacement(40, 40), 'after');
});

test('a drop inside a tag makes the dragged tag its last sub-tag', () => {
  assert.deepEqual(dropMove(tree, cooperation.id, un.id, 'inside'), { id: cooperation.id, parentId: un.id, position: 1 });
  assert.deepEqual(dropMove(tree, itu.id, actors.id, 'inside'), { id: itu.id, parentId: actors.id, position: 0 });
  // Already its last sub-tag: nothing to do. Its first of two: it goes last.
  assert.equal(dropMove(tree, un.id, mandates.id, 'inside'), null);
  assert.deepEqual(dropMove(tree, itu.id, mandates.id, 'inside'), { id: itu.id, parentId: mandates.id, position: 1 });
});

test('a drop before or after a tag places the dragged tag among its siblings', () => {
  // Counted without the dragged tag: Cooperation before Actors is index 1 of [Mandates, Actors].
  assert.deepEqual(dropMove(tree, cooperation.id, actors.id, 'before'), { id: cooperation.id, parentId: null, position: 1 });
  assert.deepEqual(dropMove(tree, mandates.id, cooperation.id, 'after'), { id: mandates.id, parentId: null, position: 2 });
  assert.deepEqual(dropMove(tree, cooperation.id, mandates.id, 'before'), { id: cooperation.id, parentId: null, position: 0 });
  // Into another level: Security Council after ITU role, under Mandates.
  assert.deepEqual(dropMove(tree, council.id, itu.id, 'after'), { id: council.id, parentId: mandates.id, position: 1 });
  assert.deepEqual(dropMove(tree, council.id, actors.id, 'before'), { id: council.id, parentId: null, position: 1 });
  // Where it already is: before its next sibling, after its previous one, onto itself.
  assert.equal(dropMove(tree, actors.id, cooperation.id, 'before'), null);
  assert.equal(dropMove(tree, actors.id, mandates.id, 'after'), null);
  assert.equal(dropMove(tree, actors.id, actors.id, 'inside'), null);
  assert.equal(dropMove(tree, actors.id, 12345, 'inside'), null);
});

test('a drop under its own sub-tag is asked of the library, which refuses it', () => {
  assert.deepEqual(dropMove(tree, mandates.id, council.id, 'inside'), { id: mandates.id, parentId: council.id, position: 0 });
});

test('moving to the top level puts the tag last there', () => {
  assert.deepEqual(moveToTopLevel(tree, council.id), { id: council.id, parentId: null, position: 3 });
  assert.deepEqual(moveToTopLevel(tree, mandates.id), { id: mandates.id, parentId: null, position: 2 });
  assert.equal(moveToTopLevel(tree, cooperation.id), null, 'already last at the top level');
});

test('Alt+arrows reorder, indent under the sibling above, and outdent after the parent', () => {
  assert.deepEqual(keyboardMove(tree, actors.id, 'up'), { id: actors.id, parentId: null, position: 0 });
  assert.deepEqual(keyboardMove(tree, actors.id, 'down'), { id: actors.id, parentId: null, position: 2 });
  assert.equal(keyboardMove(tree, mandates.id, 'up'), null, 'the first cannot go up');
  assert.equal(keyboardMove(tree, cooperation.id, 'down'), null, 'the last cannot go down');
  assert.deepEqual(keyboardMove(tree, un.id, 'up'), { id: un.id, parentId: mandates.id, position: 0 });

  assert.deepEqual(keyboardMove(tree, actors.id, 'indent'), { id: actors.id, parentId: mandates.id, position: 2 }, 'last under the sibling above');
  assert.deepEqual(keyboardMove(tree, un.id, 'indent'), { id: un.id, parentId: itu.id, position: 0 });
  assert.equal(keyboardMove(tree, itu.id, 'indent'), null, 'no sibling above');

  assert.deepEqual(keyboardMove(tree, council.id, 'outdent'), { id: council.id, parentId: mandates.id, position: 2 }, 'right after its old parent');
  assert.deepEqual(keyboardMove(tree, itu.id, 'outdent'), { id: itu.id, parentId: null, position: 1 });
  assert.equal(keyboardMove(tree, actors.id, 'outdent'), null, 'already at the top level');
  assert.equal(keyboardMove(tree, 12345, 'up'), null);
});
