/// Excerpt's own names for what has no web address (a highlight, a document without a URL, an
/// export): `urn:excerpt:<library UUID>:<kind>:<key>`, e.g.
/// urn:excerpt:0f6c1d52-3f0e-4d7a-9b1e-2a8c4e5f6a7b:annotation:12. The library's UUID keeps the
/// names of two libraries apart, so a file from another library never points into this one.
export const EXCERPT_URN = 'urn:excerpt:';

export type NamedKind = 'annotation' | 'document' | 'export';

/// The name of `key` (a library id, or an export's time already made URI-safe) in `libraryId`.
export function excerptUrn(libraryId: string, kind: NamedKind, key: number | string): string {
  return `${EXCERPT_URN}${libraryId}:${kind}:${key}`;
}

const DOCUMENT_NAME = /^urn:excerpt:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):document:(\d+)$/;

/// The library and id of a document `iri` names, when Excerpt wrote it; null for any other IRI.
export function namedDocument(iri: string): { libraryId: string; id: number } | null {
  const named = DOCUMENT_NAME.exec(iri);
  return named ? { libraryId: named[1]!, id: Number(named[2]) } : null;
}
