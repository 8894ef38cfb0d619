/// The formats Excerpt exports, as the app's export dialog and the command line name them.
/// The id is the file's extension.

export const exportFormats = [
  { id: 'csv', label: 'CSV table', description: 'One row per excerpt, for spreadsheets and scripts (UTF-8).' },
  { id: 'json', label: 'JSON', description: 'Every excerpt with its document, tags, context and position.' },
  { id: 'qdpx', label: 'REFI-QDA project', description: 'The documents, the codebook and the coded excerpts, for ATLAS.ti, MAXQDA, NVivo or QualCoder.' },
  { id: 'qdc', label: 'REFI-QDA codebook', description: 'The codebook alone, for another analysis program.' },
] as const;

export type ExportFormat = (typeof exportFormats)[number]['id'];

export const exportFormatIds = exportFormats.map((format) => format.id) as [ExportFormat, ...ExportFormat[]];
