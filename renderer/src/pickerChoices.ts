/// What the tag picker (and the merge dialog) offer for what was typed, found the same way
/// the command palette finds tags (tagSearch.ts: the letters in order, accents ignored).
import type { Tag } from '../../common/types.ts';
import type { CodebookEntry } from './codebook.ts';
import { rankTags } from './tagSearch.ts';

/// Apply a tag, or create one by the typed name.
export type PickerChoice = { kind: 'tag'; entry: CodebookEntry } | { kind: 'create'; name: string };

/// The `offered` entries of the codebook `tags` (in tree order) that match `query`, best first
/// (all of them, in order, while nothing is typed); then "create" when the typed name is no
/// tag yet.
export function pickerChoices(tags: readonly Tag[], offered: readonly CodebookEntry[], query: string): PickerChoice[] {
  const name = query.trim();
  const byId = new Map(offered.map((entry) => [entry.tag.id, entry]));
  const found = name === '' ? offered : rankTags(tags, name).flatMap((ranked) => byId.get(ranked.tag.id) ?? []);
  const choices: PickerChoice[] = found.map((entry) => ({ kind: 'tag', entry }));
  const lower = name.toLocaleLowerCase();
  if (name && !tags.some((tag) => tag.name.toLocaleLowerCase() === lower)) choices.push({ kind: 'create', name });
  return choices;
}
