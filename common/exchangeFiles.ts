/// Files Excerpt exchanges with other analysis tools: imported whole by importExchange (a
/// project, a codebook, annotations), not as documents by importFiles.

export const exchangeExtensions = ['.qdpx', '.qdc', '.jsonld'] as const;

/// Whether a file of this name is one to hand to importExchange.
export function isExchangeFile(name: string): boolean {
  const lower = name.toLowerCase();
  return exchangeExtensions.some((extension) => lower.endsWith(extension));
}
