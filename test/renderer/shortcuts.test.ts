import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RESERVED_KEYS } from '../../common/reservedKeys.ts';
import {
  displayKeys, keysLabel, modKeyHeld, platformOf, RESERVED_LETTERS, SHORTCUT_GROUPS, shortcutById,
} from '../../renderer/src/shortcuts.ts';

const chordName = (chord: readonly string[]) => chord.join('+').toLowerCase();

test('the table has its six groups, in the order the sheet shows them', () => {
  assert.deepEqual(
    SHORTCUT_GROUPS.map((group) => group.title),
    ['Coding', 'Selecting', 'Moving around', 'Editing the text', 'In the codebook', 'Everywhere'],
  );
  for (const group of SHORTCUT_GROUPS) {
    assert.ok(group.shortcuts.length > 0, `${group.title} lists actions`);
    for (const shortcut of group.shortcuts) {
      assert.ok(shortcut.keys.length > 0 && shortcut.keys.every((chord) => chord.length > 0), `${shortcut.id} has keys`);
      assert.ok(shortcut.action.trim() !== '', `${shortcut.id} says what it does`);
    }
  }
});

test('no two actions in one group share a key, and every action has its own id', () => {
  for (const group of SHORTCUT_GROUPS) {
    const owner = new Map<string, string>();
    for (const shortcut of group.shortcuts) {
      for (const chord of shortcut.keys) {
        const name = chordName(chord);
        assert.equal(owner.get(name), undefined, `${group.title}: ${name} is taken by ${owner.get(name)} and ${shortcut.id}`);
        owner.set(name, shortcut.id);
      }
    }
  }
  const ids = SHORTCUT_GROUPS.flatMap((group) => group.shortcuts.map((shortcut) => shortcut.id));
  assert.equal(new Set(ids).size, ids.length);
});

test('the keys are the ones the app binds', () => {
  const keysOf = (id: string) => shortcutById(id).keys.map(chordName);
  assert.deepEqual(keysOf('findTag'), ['mod+k']);
  assert.deepEqual(keysOf('openTagPicker'), ['t', 'enter']);
  assert.deepEqual(keysOf('repeatTag'), ['.']);
  assert.deepEqual(keysOf('writeNote'), ['n']);
  assert.deepEqual(keysOf('removeHighlight'), ['delete', 'backspace']);
  assert.deepEqual(keysOf('selectStatement'), ['s']);
  assert.deepEqual(keysOf('extendByStatement'), ['alt+shift+→']);
  assert.deepEqual(keysOf('extendByStatementBack'), ['alt+shift+←']);
  assert.deepEqual(keysOf('snapMode'), ['m']);
  assert.deepEqual(keysOf('extendByCharacter'), ['shift+←→↑↓']);
  assert.deepEqual(keysOf('nextHighlight'), [']']);
  assert.deepEqual(keysOf('previousHighlight'), ['[']);
  assert.deepEqual(keysOf('nextDocument'), ['j']);
  assert.deepEqual(keysOf('previousDocument'), ['k']);
  assert.deepEqual(keysOf('editText'), ['mod+e']);
  assert.deepEqual(keysOf('stopEditing'), ['escape']);
  assert.deepEqual(keysOf('undo'), ['mod+z']);
  assert.deepEqual(keysOf('redo'), ['mod+shift+z', 'mod+y']);
  assert.deepEqual(keysOf('showShortcuts'), ['?']);
  assert.deepEqual(keysOf('closeDialog'), ['escape']);
  assert.throws(() => shortcutById('findTags'), /No keyboard shortcut is called "findTags"/);
});

test('the reserved letters are the single keys of the table a tag shortcut could collide with', () => {
  assert.deepEqual([...RESERVED_LETTERS].sort(), ['.', 'j', 'k', 'm', 'n', 's', 't']);
  // Digits are the tags' own keys, and keys with a modifier do not collide with a single key.
  assert.ok(!RESERVED_LETTERS.some((key) => /[0-9]/.test(key)));
  assert.ok(!RESERVED_LETTERS.includes('e') && !RESERVED_LETTERS.includes('z'));
});

test('the api refuses as a tag shortcut exactly the reserved letters a shortcut could be', () => {
  // common/ cannot read this table, so it keeps its own list; this keeps the two the same.
  const possibleShortcuts = RESERVED_LETTERS.filter((key) => /^[0-9a-z]$/.test(key));
  assert.deepEqual(Object.keys(RESERVED_KEYS).sort(), [...possibleShortcuts].sort());
});

test('Mod reads ⌘ on a Mac and Ctrl elsewhere', () => {
  const redo = shortcutById('redo').keys;
  assert.deepEqual(displayKeys(redo, 'mac'), [['⌘', '⇧', 'Z'], ['⌘', 'Y']]);
  assert.deepEqual(displayKeys(redo, 'other'), [['Ctrl', 'Shift', 'Z'], ['Ctrl', 'Y']]);
  assert.deepEqual(displayKeys([['Alt', 'Shift', '→']], 'mac'), [['⌥', '⇧', '→']]);
  assert.deepEqual(displayKeys([['Escape']], 'other'), [['Esc']]);
  assert.equal(keysLabel(shortcutById('findTag').keys, 'mac'), '⌘K');
  assert.equal(keysLabel(shortcutById('findTag').keys, 'other'), 'Ctrl+K');
  assert.equal(keysLabel(redo, 'other'), 'Ctrl+Shift+Z or Ctrl+Y');
});

test('the platform comes from the browser, newer report first', () => {
  assert.equal(platformOf({ platform: 'MacIntel' }), 'mac');
  assert.equal(platformOf({ platform: 'Win32' }), 'other');
  assert.equal(platformOf({ platform: 'Linux x86_64' }), 'other');
  assert.equal(platformOf({ platform: 'MacIntel', userAgentData: { platform: 'Windows' } }), 'other');
  assert.equal(platformOf({ platform: '', userAgentData: { platform: 'macOS' } }), 'mac');
  assert.equal(platformOf({}), 'other');
  assert.equal(modKeyHeld({ ctrlKey: false, metaKey: true }, 'mac'), true);
  assert.equal(modKeyHeld({ ctrlKey: true, metaKey: false }, 'mac'), false);
  assert.equal(modKeyHeld({ ctrlKey: true, metaKey: false }, 'other'), true);
  assert.equal(modKeyHeld({ ctrlKey: false, metaKey: true }, 'other'), false);
});
