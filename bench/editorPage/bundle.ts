/// Bundles the editor.keystroke page (main.ts and the app modules it uses) into one script
/// for a browser page, in memory, with esbuild.
import path from 'node:path';
import { build } from 'esbuild';

/// The page's script, ready for page.addScriptTag({ content }).
export async function bundleEditorPage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}
