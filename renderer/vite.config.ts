/// Builds the renderer into build/renderer/ as plain files that load under a CSP with no
/// inline script or style: relative asset paths (`base: './'`) serve the file://, the
/// Electron and the loopback host alike.
import { defineConfig } from 'vite';

const rendererDir = import.meta.dirname;

export default defineConfig({
  root: rendererDir,
  base: './',
  build: {
    outDir: `${rendererDir}/../build/renderer`,
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    // Keeps every asset a file of its own: a data: URL script would break the CSP.
    assetsInlineLimit: 0,
    // One bundle (React, ProseMirror, zod) read from disk or loopback: its size is not a download.
    chunkSizeWarningLimit: 1024,
  },
});
