import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Tag } from '../../common/types.ts';
import { codebookTree } from '../../renderer/src/codebook.ts';
import { pickerChoices, type PickerChoice } from '../../renderer/src/pickerChoices.ts';

function tag(id: number, name: string, parentId: number | null = null): Tag {
  return { id, name, parentId, color: '#1c7ed6', description: '', whenToUse: '', whenNotToUse: '', example: '', shortcut: null, position: id };
}

const codebook: Tag[] = [tag(1, 'Mandates'), tag(2, 'ITU role', 1), tag(3, 'Résolution', 1), tag(4, 'Cooperation'), tag(5, 'Commitment')];
const entries = codebookTree(codebook);
const shown = (choices: readonly PickerChoice[]) => choices.map((c) => (c.kind === 'tag' ? c.entry.path : `create ${c.name}`));

test('the picker finds tags as the palette does: letters in order, accents ignored, best first; then offers to create', () => {
  assert.deepEqual(shown(pickerChoices(codebook, entries, '')), ['Mandates', 'Mandates › ITU role', 'Mandates › Résolution', 'Cooperation', 'Commitment']);
  assert.deepEqual(shown(pickerChoices(codebook, entries, 'coop')), ['Cooperation', 'create coop']);
  assert.deepEqual(shown(pickerChoices(codebook, entries, 'resol')), ['Mandates › Résolution', 'create resol'], 'typed without the accent');
  assert.deepEqual(shown(pickerChoices(codebook, entries, 'mand itu')), ['Mandates › ITU role', 'create mand itu'], 'words of the path');
  assert.deepEqual(shown(pickerChoices(codebook, entries, ' itu role ')), ['Mandates › ITU role'], 'a tag by that name exists: nothing to create');
  assert.deepEqual(shown(pickerChoices(codebook, entries, 'Sovereignty')), ['create Sovereignty']);
});

test('only the offered entries are chosen from (the merge dialog leaves out the tag and its sub-tags)', () => {
  const offered = entries.filter((e) => e.tag.id !== 1 && e.tag.id !== 2 && e.tag.id !== 3);
  assert.deepEqual(shown(pickerChoices(codebook, offered, 'mand')), ['create mand']);
  assert.deepEqual(shown(pickerChoices(codebook, offered, 'c')), ['Commitment', 'Cooperation', 'create c'], 'the shorter name first');
});
