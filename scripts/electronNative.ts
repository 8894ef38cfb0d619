/// The Electron build of better-sqlite3, kept in its own folder (build/electron-native) so
/// that node_modules/better-sqlite3 stays the Node build `npm test` needs. Built once per
/// Electron version from better-sqlite3's own sources with node-gyp.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { electronVerdict, probeElectron } from './electronRuntime.ts';

/// What the folder's build was made for; a different one means building again.
export interface NativeBuildInfo {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

/// Where the Electron build goes and how node-gyp is asked to make it.
export interface NativeBuildPlan {
  /// build/electron-native: what electron-builder ships as extraResources.
  dir: string;
  /// The finished module the main process loads through `nativeBinding`.
  module: string;
  infoFile: string;
  /// A copy of better-sqlite3's sources, built here instead of in node_modules.
  sourceDir: string;
  /// node-gyp's arguments: Electron's headers, not Node's.
  nodeGypArgs: string[];
  info: NativeBuildInfo;
}

const SOURCES = ['binding.gyp', 'package.json', 'src', 'deps'];

/// Where and how the Electron build is made for `electronVersion`. Pure.
export function nativeBuildPlan(root: string, electronVersion: string, betterSqlite3Version: string, arch: string = process.arch, platform: string = process.platform): NativeBuildPlan {
  const dir = path.join(root, 'build', 'electron-native');
  return {
    dir,
    module: path.join(dir, 'better_sqlite3.node'),
    infoFile: path.join(dir, 'build-info.json'),
    sourceDir: path.join(dir, 'source'),
    nodeGypArgs: [
      'rebuild', '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
      `--devdir=${path.join(dir, 'headers')}`,
    ],
    info: { electron: electronVersion, betterSqlite3: betterSqlite3Version, platform, arch },
  };
}

/// True when the folder already holds a build made for exactly this plan.
export function isUpToDate(plan: NativeBuildPlan, existing: NativeBuildInfo | null, moduleExists: boolean): boolean {
  return moduleExists && existing !== null && JSON.stringify(existing) === JSON.stringify(plan.info);
}

/// node-gyp's environment: npm's `npm_config_*` variables (set under `npm start`) would
/// override the target and build against Node's headers instead of Electron's.
export function nodeGypEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_config_/i.test(name)));
}

function readInfo(file: string): NativeBuildInfo | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as NativeBuildInfo;
  } catch {
    return null;
  }
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }, what: string): void {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${what} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    const lines = `${result.stderr}\n${result.stdout}`.split('\n').filter((line) => /err|fail/i.test(line));
    throw new Error(`${what} failed (exit ${result.status ?? result.signal}): ${lines.slice(0, 3).join(' | ') || 'no error output'}`);
  }
}

/// Makes sure build/electron-native holds better-sqlite3 built for the Electron binary at
/// `electronBinary` (version `electronVersion`) and that Electron can load it; returns the
/// module's path. Reports on `log` when it has to build (a minute or two, once).
export function ensureElectronNative(root: string, electronBinary: string, electronVersion: string, log: (line: string) => void): string {
  const packageDir = path.join(root, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const plan = nativeBuildPlan(root, electronVersion, version);
  if (isUpToDate(plan, readInfo(plan.infoFile), existsSync(plan.module))) return plan.module;

  log(`Building better-sqlite3 ${version} for Electron ${electronVersion} into ${path.relative(root, plan.dir)} (once per Electron version; a minute or two)...`);
  rmSync(plan.sourceDir, { recursive: true, force: true });
  mkdirSync(plan.sourceDir, { recursive: true });
  for (const entry of SOURCES) cpSync(path.join(packageDir, entry), path.join(plan.sourceDir, entry), { recursive: true });
  const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  run(process.execPath, [nodeGyp, ...plan.nodeGypArgs], { cwd: plan.sourceDir, env: nodeGypEnvironment(process.env) }, 'node-gyp');
  cpSync(path.join(plan.sourceDir, 'build', 'Release', 'better_sqlite3.node'), plan.module);

  // Proof that the build is for this Electron and not Node: Electron itself opens a database with it.
  const check = `const Database = require(${JSON.stringify(path.join(packageDir, 'lib', 'index.js'))});`
    + `new Database(':memory:', { nativeBinding: ${JSON.stringify(plan.module)} }).close();`;
  run(electronBinary, ['-e', check], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, `Loading the build in Electron ${electronVersion}`);
  writeFileSync(plan.infoFile, `${JSON.stringify(plan.info, null, 2)}\n`);
  rmSync(plan.sourceDir, { recursive: true, force: true });
  return plan.module;
}

// Run directly (before packaging): build for the Electron in node_modules, or say why not.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) {
  const root = path.join(import.meta.dirname, '..');
  const verdict = electronVerdict(probeElectron(root));
  if (!verdict.usable) {
    console.error(`better-sqlite3 cannot be built for Electron here: ${verdict.reason}.`);
    process.exit(1);
  }
  console.log(ensureElectronNative(root, verdict.binary, verdict.version, (line) => console.log(line)));
}
