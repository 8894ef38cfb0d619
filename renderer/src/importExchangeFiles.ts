/// Files from other analysis tools among those the analyst chose or dropped (a REFI-QDA
/// project or codebook, W3C annotations: common/exchangeFiles.ts): each goes to the library
/// whole through importExchange, and one sentence says what it added and what it left out.
import { asExcerptError } from '../../common/client.ts';
import { api } from './api.ts';
import type { PickedFile } from './importableFiles.ts';
import { readPickedFile } from './readPickedFile.ts';

/// Imports each file in turn; resolves to what happened, a sentence per file.
export async function importExchangeFiles(picked: readonly PickedFile[]): Promise<string> {
  const sentences: string[] = [];
  for (const item of picked) {
    try {
      const result = await api.importExchange({ name: item.name, bytes: await readPickedFile(item) });
      const added = `${item.name}: ${result.documentsImported} documents, ${result.tagsCreated} tags and ${result.highlightsPlaced} highlights added` +
        ` (${result.documentsFound + result.tagsFound + result.highlightsAlreadyThere} already in the library).`;
      const leftOut = result.problems.length === 0 ? '' : ` ${result.problems.length} left out, first: ${result.problems[0]}`;
      sentences.push(added + leftOut);
    } catch (error) {
      sentences.push(`${item.name} was not imported: ${asExcerptError(error).message}`);
    }
  }
  return sentences.join(' ');
}
