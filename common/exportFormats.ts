/// The formats Excerpt exports, as the app's export dialog and the command line name them,
/// and the extension of the file each writes.

export const exportFormats = [
  { id: 'csv', extension: 'csv', label: 'CSV table', description: 'One row per excerpt, for spreadsheets and scripts (UTF-8).' },
  { id: 'xlsx', extension: 'xlsx', label: 'Excel workbook', description: 'One row per excerpt with its citation, and the codebook on a second sheet.' },
  { id: 'docx', extension: 'docx', label: 'Word brief', description: 'The excerpts grouped by tag, then by document, each quoted with its citation.' },
  { id: 'md', extension: 'md', label: 'Markdown brief', description: 'The same brief as plain text with Markdown headings and quotes.' },
  { id: 'html', extension: 'html', label: 'Web page brief', description: 'The same brief as a page that opens in any browser.' },
  { id: 'json', extension: 'json', label: 'JSON', description: 'Every excerpt with its document, tags, context and position.' },
  { id: 'w3c', extension: 'jsonld', label: 'W3C Web Annotations', description: 'An annotation collection (JSON-LD) with quote and position selectors, for annotation tools.' },
  { id: 'qdpx', extension: 'qdpx', label: 'REFI-QDA project', description: 'The documents, the codebook and the coded excerpts, for ATLAS.ti, MAXQDA, NVivo or QualCoder.' },
  { id: 'qdc', extension: 'qdc', label: 'REFI-QDA codebook', description: 'The codebook alone, for another analysis program.' },
] as const;

export type ExportFormat = (typeof exportFormats)[number]['id'];

export const exportFormatIds = exportFormats.map((format) => format.id) as [ExportFormat, ...ExportFormat[]];
