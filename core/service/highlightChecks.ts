/// What a highlight sent by a caller must satisfy before it is stored, shared by the single
/// highlight methods (annotations.ts) and the save of an editing session (editing.ts): its
/// range lies on the text without cutting a character in two, and its tags are in the codebook.
import { isHighSurrogate, isLowSurrogate } from '../../common/codepoints.ts';
import { ExcerptError } from '../../common/errors.ts';
import { tagNotFound } from './codebook.ts';

/// Throws an invalid-argument error unless [start, end) lies within `text` and neither end
/// falls inside an astral character. `field` prefixes the offending field's name (e.g.
/// `highlights.3.`); start >= 0 and end > start are the contract's to check.
export function assertRangeOnText(text: string, start: number, end: number, field = ''): void {
  if (end > text.length) {
    throw new ExcerptError('invalid-argument', `The highlight ends at ${end}, past the end of the document (${text.length} characters).`, `${field}end`);
  }
  for (const [name, offset] of [['start', start], ['end', end]] as const) {
    if (splitsSurrogatePair(text, offset)) {
      throw new ExcerptError('invalid-argument', `The highlight's ${name} (${offset}) falls inside one character (an emoji or other symbol). Widen or narrow it by one.`, `${field}${name}`);
    }
  }
}

/// True when `offset` falls between the two UTF-16 units of one astral character.
function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/// `tagIds` without repeats, after checking that each is in `existing` (the codebook's ids);
/// a missing one is a not-found error on `${field}tagIds.N`.
export function knownTagIds(existing: ReadonlySet<number>, tagIds: readonly number[], field = ''): number[] {
  const missing = tagIds.findIndex((id) => !existing.has(id));
  if (missing >= 0) throw tagNotFound(tagIds[missing]!, `${field}tagIds.${missing}`);
  return [...new Set(tagIds)];
}
