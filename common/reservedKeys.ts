/// Single keys the app itself answers to in a document (see renderer/src/shortcuts.ts): a tag
/// cannot take one of them as its shortcut, or pressing it would do two things.
export const RESERVED_KEYS: Readonly<Record<string, string>> = {
  t: 'opens the tag picker',
  s: 'selects the statement at the cursor',
  n: 'writes a note on the selected highlight',
  m: 'turns snap-to-statement on and off',
  j: 'moves to the next document',
  k: 'moves to the previous document',
};
