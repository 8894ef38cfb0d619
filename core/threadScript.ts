/// A worker thread running one module of core: from the source tree, the .ts module itself,
/// through tsx (a thread does not inherit the `--import tsx` of the process); in the bundled
/// desktop app, the bundle of the same name beside the main bundle (scripts/build.ts).
import { basename } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/// Starts a thread running the module at `source` (a .ts file's URL).
export function threadScript(source: URL, options: WorkerOptions = {}): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const tsx = import.meta.resolve('tsx/esm/api');
    return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); })`, { ...options, eval: true });
  }
  return new Worker(new URL(basename(source.pathname).replace(/\.ts$/, '.cjs'), import.meta.url), options);
}
