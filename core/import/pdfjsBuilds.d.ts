// The minified legacy builds of pdfjs-dist (the same code as pdf.mjs and pdf.worker.mjs,
// which the package types), imported by pdf.ts because they load several times faster.
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist';
}
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
