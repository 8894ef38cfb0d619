/// Whether two excerpt queries ask the same thing, whatever order their fields were set in
/// (tag lists compare as written: the order tags were added in is part of what was saved).
import type { ExportFilter } from '../../../common/api.ts';

export function sameFilter(a: ExportFilter, b: ExportFilter): boolean {
  return canonical(a) === canonical(b);
}

function canonical(filter: ExportFilter): string {
  return JSON.stringify(Object.entries(filter).filter(([, value]) => value !== undefined).sort(([x], [y]) => x.localeCompare(y)));
}
