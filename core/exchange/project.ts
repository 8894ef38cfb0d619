/// What an imported file holds, whatever its format: a project (codebook, documents with their
/// texts and coded highlights) from REFI-QDA, or annotations without texts from W3C Web
/// Annotation. The readers only parse; deciding what to add to the library is the service's.

/// One code of an imported codebook, each after its parent.
export interface ImportedCode {
  /// How the file names the code: its GUID, or its name when it has none.
  key: string;
  name: string;
  /// `#rrggbb` in lower case; null when the file gives no colour Excerpt can use.
  color: string | null;
  /// The code's description as the file writes it ('' when it has none).
  description: string;
  /// The key of the code it is nested in; null at the top.
  parentKey: string | null;
}

/// One coded passage of an imported document.
export interface ImportedHighlight {
  /// UTF-16 offsets into the document's text, end exclusive (converted from the file's code points).
  start: number;
  end: number;
  /// Keys of its codes in the codebook, each once.
  codeKeys: string[];
  note: string;
}

/// One imported document with the text its highlights count into.
export interface ImportedDocument {
  /// How the file names the document: its GUID, or its name when it has none.
  key: string;
  title: string;
  /// Exactly as the file gives it (a byte-order mark aside): line ends and spacing untouched.
  text: string;
  source: string | null;
  /// YYYY-MM-DD
  published: string | null;
  url: string | null;
  highlights: ImportedHighlight[];
}

/// A whole project: what could be read, and what had to be left out.
export interface ImportedProject {
  codebook: ImportedCode[];
  documents: ImportedDocument[];
  /// One sentence per part of the file that was left out, saying which and why.
  problems: string[];
}

/// One W3C annotation target: a passage of a document the file does not carry.
export interface ImportedAnnotation {
  /// The target document's id, a web address or another IRI.
  source: string;
  /// The document's title (`dcterms:title`), when the file gives one.
  title: string | null;
  /// The quote with its context ('' when the file has no quote selector).
  exact: string;
  prefix: string;
  suffix: string;
  /// Code points into the document, end exclusive, as in the file; null without a position selector.
  start: number | null;
  end: number | null;
  /// Names of the tags, as the file writes them.
  tags: string[];
  note: string;
}

/// The annotations of a W3C Web Annotation file.
export interface ImportedAnnotations {
  annotations: ImportedAnnotation[];
}
