/// How an import's outcome is told to the analyst, in the same words in the window's
/// report and the desktop app's message box.
import type { ImportResult } from './types.ts';

/// An import's result with what never reached the service: files inside folders that
/// were passed over (hidden, or a format Excerpt does not read) and files left out
/// because the analyst cancelled.
export interface ImportReport {
  result: ImportResult;
  skipped: number;
  cancelled: number;
}

/// `count` and the noun that goes with it: "1 document", "3 documents".
export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/// Why a file was not imported again: "already in the library as “Title”".
export function duplicateNote(duplicate: ImportResult['duplicates'][number]): string {
  return `already in the library as “${duplicate.title}”`;
}

/// What a new revision did: "new revision of “Title”: 3 highlights carried, 1 to review".
export function revisionNote(revision: ImportResult['revised'][number]): string {
  return `new revision of “${revision.title}”: ${countOf(revision.carried, 'highlight', 'highlights')} carried, ${revision.toReview} to review`;
}

/// The folder files passed over, as a sentence.
export function skippedNote(skipped: number): string {
  return `${countOf(skipped, 'file', 'files')} in the folders ${skipped === 1 ? 'was' : 'were'} skipped: hidden, or not a format Excerpt reads.`;
}

/// The files left out by Cancel, as a sentence.
export function cancelledNote(cancelled: number): string {
  return `The import was cancelled: ${countOf(cancelled, 'file was', 'files were')} not imported.`;
}

/// One sentence for the whole import: "Imported 3 documents and 1 new revision; 1 already
/// in the library; 2 not imported."
export function importSummary({ result, cancelled }: ImportReport): string {
  const added = [
    result.imported.length > 0 || result.revised.length === 0 ? countOf(result.imported.length, 'document', 'documents') : '',
    result.revised.length > 0 ? countOf(result.revised.length, 'new revision', 'new revisions') : '',
  ];
  const parts = [`Imported ${added.filter(Boolean).join(' and ')}`];
  if (result.duplicates.length > 0) parts.push(`${result.duplicates.length} already in the library`);
  const notImported = result.failed.length + cancelled;
  if (notImported > 0) parts.push(`${notImported} not imported`);
  return `${parts.join('; ')}.`;
}
