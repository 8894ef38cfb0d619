/// `npm run build`: the renderer (Vite with renderer/vite.config.ts, into build/renderer)
/// and the Electron main process and preload (esbuild, into build/electron/*.cjs).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';

/// The project folder (package.json, build/, node_modules/).
export const projectRoot = path.join(import.meta.dirname, '..');

// ESM's import.meta does not exist in a CommonJS bundle; core's defaults that use it get
// the bundle's own location instead (main.ts passes every folder explicitly anyway).
const importMetaShim = {
  banner: {
    js: 'const __excerptImportMetaUrl = require("node:url").pathToFileURL(__filename).href;\n' +
      'const __excerptImportMetaResolve = (specifier) => require("node:url").pathToFileURL(require.resolve(specifier)).href;',
  },
  define: {
    'import.meta.url': '__excerptImportMetaUrl',
    'import.meta.resolve': '__excerptImportMetaResolve',
    'import.meta.dirname': '__dirname',
    'import.meta.filename': '__filename',
  },
};

/// The esbuild options of the Electron bundles, writing into `outDir` (build/electron): main.cjs
/// for Electron's Node, pdfWorker.cjs for the thread it reads PDFs in, preload.cjs for the
/// sandboxed preload.
export function electronBundles(root: string, outDir = path.join(root, 'build', 'electron')): BuildOptions[] {
  const shared: BuildOptions = { bundle: true, format: 'cjs', sourcemap: 'linked', legalComments: 'none', logLevel: 'warning' };
  return [
    {
      ...shared,
      ...importMetaShim,
      entryPoints: [path.join(root, 'electron', 'main.ts')],
      outfile: path.join(outDir, 'main.cjs'),
      platform: 'node',
      target: 'node22',
      // Electron provides `electron`; better-sqlite3 loads a native file and stays a package.
      external: ['electron', 'better-sqlite3'],
    },
    {
      // The thread PDFs are read in (core/import/pdfThread.ts finds it beside main.cjs).
      ...shared,
      ...importMetaShim,
      entryPoints: [path.join(root, 'core', 'import', 'pdfWorker.ts')],
      outfile: path.join(outDir, 'pdfWorker.cjs'),
      platform: 'node',
      target: 'node22',
    },
    {
      ...shared,
      entryPoints: [path.join(root, 'electron', 'preload.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
      // A sandboxed preload can require `electron` and nothing else: everything is inlined
      // (zod included, for the contract's method list), so it is minified.
      platform: 'browser',
      minify: true,
      target: 'chrome130',
      external: ['electron'],
    },
  ];
}

/// Builds the renderer into build/renderer; `quiet` keeps Vite to errors only.
export async function buildRenderer(root: string, quiet = false): Promise<void> {
  await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
}

/// Builds the renderer unless build/renderer holds it: for tests run on their own (`npm test`
/// builds it before every test).
export async function ensureRendererBuilt(root: string): Promise<void> {
  if (!existsSync(path.join(root, 'build', 'renderer', 'index.html'))) await buildRenderer(root, true);
}

/// Bundles the Electron main process and preload.
export async function bundleElectron(root: string, outDir?: string): Promise<void> {
  await Promise.all(electronBundles(root, outDir).map((options) => esbuild(options)));
}

/// Everything `npm start` and packaging need under build/.
export async function buildApp(root = projectRoot, quiet = false): Promise<void> {
  await buildRenderer(root, quiet);
  await bundleElectron(root);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  await buildApp();
}
