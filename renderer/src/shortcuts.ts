/// Every keyboard action of Excerpt, as data: the shortcuts sheet shows this table, and the
/// keys the app keeps for itself (which a tag's shortcut may not take) are read from it.
/// Keys are written for display: "Mod" is ⌘ on a Mac and Ctrl elsewhere.

/// Where the app runs, as far as key names go.
export type Platform = 'mac' | 'other';

/// One keyboard action.
export interface Shortcut {
  /// A stable name for the action, for the code that binds it.
  id: string;
  /// Alternatives, each a chord: keys pressed together, modifiers first.
  keys: string[][];
  /// What it does, in the analyst's words.
  action: string;
}

/// Actions that belong together, under a heading.
export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

/// The table, in the order the sheet shows it.
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Coding',
    shortcuts: [
      { id: 'applyTagByKey', keys: [['1–9']], action: 'Apply the tag with that key (a digit, or a letter given to it) to the selection; again: remove it' },
      { id: 'findTag', keys: [['Mod', 'K']], action: 'Find a tag and apply it' },
      { id: 'openTagPicker', keys: [['T'], ['Enter']], action: 'Open the tag picker beside the selection' },
      { id: 'repeatTag', keys: [['.']], action: 'Apply the last tag again' },
      { id: 'writeNote', keys: [['N']], action: 'Write a note on the selected highlight' },
      { id: 'removeHighlight', keys: [['Delete'], ['Backspace']], action: 'Remove the selected highlight' },
    ],
  },
  {
    title: 'Selecting',
    shortcuts: [
      { id: 'selectStatement', keys: [['S']], action: 'Select the statement at the cursor, or extend the selection to whole statements' },
      { id: 'extendByStatement', keys: [['Alt', 'Shift', '→']], action: 'Extend the selection by one statement forward' },
      { id: 'extendByStatementBack', keys: [['Alt', 'Shift', '←']], action: 'Extend the selection by one statement back' },
      { id: 'snapMode', keys: [['M']], action: 'Snap mode on or off: a click selects the whole statement' },
      { id: 'extendByCharacter', keys: [['Shift', '←→↑↓']], action: 'Extend the selection by a character (← →) or a line (↑ ↓)' },
    ],
  },
  {
    title: 'Moving around',
    shortcuts: [
      { id: 'nextHighlight', keys: [[']']], action: 'Go to the next highlight and select it' },
      { id: 'previousHighlight', keys: [['[']], action: 'Go to the previous highlight and select it' },
      { id: 'nextDocument', keys: [['J']], action: 'Open the next document in the library list' },
      { id: 'previousDocument', keys: [['K']], action: 'Open the previous document in the library list' },
      { id: 'showExcerpts', keys: [['Mod', 'Shift', 'X']], action: 'Show the excerpts across the library, or the document again' },
      { id: 'nextExcerpt', keys: [['↑'], ['↓']], action: 'In the excerpts found: go to the previous or next one (Enter opens it)' },
    ],
  },
  {
    title: 'Editing the text',
    shortcuts: [
      { id: 'editText', keys: [['Mod', 'E']], action: 'Start or stop editing the text' },
      { id: 'stopEditing', keys: [['Escape']], action: 'Stop editing' },
      { id: 'undo', keys: [['Mod', 'Z']], action: 'Undo (coding and text edits)' },
      { id: 'redo', keys: [['Mod', 'Shift', 'Z'], ['Mod', 'Y']], action: 'Redo' },
    ],
  },
  {
    title: 'In the codebook',
    shortcuts: [
      { id: 'editTag', keys: [['Enter']], action: 'Edit the tag: name, colour, key, definition, when to use, example' },
      { id: 'renameTag', keys: [['F2']], action: 'Rename the tag' },
      { id: 'deleteTag', keys: [['Delete']], action: 'Delete the tag (after saying how many highlights carry it)' },
      { id: 'moveTag', keys: [['Alt', '↑'], ['Alt', '↓']], action: 'Move the tag up or down among its siblings' },
      { id: 'nestTag', keys: [['Alt', '→'], ['Alt', '←']], action: 'Make it a sub-tag of the tag above it, or move it up a level' },
    ],
  },
  {
    title: 'Everywhere',
    shortcuts: [
      { id: 'showShortcuts', keys: [['?']], action: 'Show this list of shortcuts' },
      { id: 'closeDialog', keys: [['Escape']], action: 'Close a dialog' },
    ],
  },
];

/// The single keys the app answers to without a modifier (letters, digits and "."), lower
/// case: a tag's shortcut must be another key.
export const RESERVED_LETTERS: readonly string[] = [
  ...new Set(
    SHORTCUT_GROUPS.flatMap((group) => group.shortcuts)
      .flatMap((shortcut) => shortcut.keys)
      .filter((chord) => chord.length === 1 && /^[0-9a-z.]$/i.test(chord[0]!))
      .map((chord) => chord[0]!.toLowerCase()),
  ),
];

// Mac keyboards name their modifiers with symbols.
const MAC_NAMES: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Escape: 'Esc' };
const OTHER_NAMES: Record<string, string> = { Mod: 'Ctrl', Escape: 'Esc' };

/// The key names to show on `platform`: Mod becomes ⌘ on a Mac and Ctrl elsewhere.
export function displayKeys(keys: readonly (readonly string[])[], platform: Platform): string[][] {
  const names = platform === 'mac' ? MAC_NAMES : OTHER_NAMES;
  return keys.map((chord) => chord.map((key) => names[key] ?? key));
}

/// The keys as one line of text, for a tooltip or a label: "Ctrl+K" (elsewhere), "⌘K" (Mac),
/// alternatives joined by " or ".
export function keysLabel(keys: readonly (readonly string[])[], platform: Platform): string {
  const join = platform === 'mac' ? '' : '+';
  return displayKeys(keys, platform).map((chord) => chord.join(join)).join(' or ');
}

/// The shortcut with this id; throws for an id the table lacks (a typo in the caller).
export function shortcutById(id: string): Shortcut {
  const found = SHORTCUT_GROUPS.flatMap((group) => group.shortcuts).find((shortcut) => shortcut.id === id);
  if (!found) throw new Error(`No keyboard shortcut is called "${id}"; see SHORTCUT_GROUPS in shortcuts.ts.`);
  return found;
}

/// The platform from what the browser says about itself: `userAgentData.platform` where the
/// browser has it, else the older `navigator.platform`.
export function platformOf(navigator: { platform?: string; userAgentData?: { platform?: string } }): Platform {
  const name = navigator.userAgentData?.platform || navigator.platform || '';
  return /mac|iphone|ipad/i.test(name) ? 'mac' : 'other';
}

/// Whether the Mod key is held in a key event: ⌘ on a Mac, Ctrl elsewhere.
export function modKeyHeld(event: { ctrlKey: boolean; metaKey: boolean }, platform: Platform): boolean {
  return platform === 'mac' ? event.metaKey : event.ctrlKey;
}
