/// Excerpts as JSON: an array of {document, tags, text, start, end, prefix, suffix, note}.
import type { Excerpt } from './excerpts.ts';

/// The whole JSON file, pretty-printed for people who open it.
export function excerptsToJson(excerpts: readonly Excerpt[]): string {
  return `${JSON.stringify(excerpts, null, 2)}\n`;
}
