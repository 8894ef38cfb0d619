/// Who may import whom (ARCHITECTURE.md, "Layout and who may import whom"), as data, and
/// the check that reads every source file's imports against it.
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

type Folder = 'common' | 'core' | 'electron' | 'electron-preload' | 'server' | 'cli' | 'renderer';

interface Rule {
  /// Project folders this folder may import from (itself included).
  folders: string[];
  node: boolean;
  /// Packages it may import; `*` is any package that is not `electron`.
  packages: string[] | '*';
  electron: boolean;
}

// Do not relax these rules: they are what lets the renderer run in a browser and the core run without Electron.
export const rules: Record<Folder, Rule> = {
  common: { folders: ['common'], node: false, packages: ['zod', 'prosemirror-model', 'prosemirror-transform', 'approx-string-match'], electron: false },
  core: { folders: ['common', 'core'], node: true, packages: '*', electron: false },
  electron: { folders: ['common', 'core', 'electron'], node: true, packages: '*', electron: true },
  'electron-preload': { folders: ['common'], node: false, packages: [], electron: true },
  server: { folders: ['common', 'core', 'server'], node: true, packages: '*', electron: false },
  cli: { folders: ['common', 'core', 'server', 'cli'], node: true, packages: '*', electron: false },
  renderer: {
    folders: ['common', 'renderer'], node: false, electron: false,
    packages: ['react', 'react-dom', 'prosemirror-model', 'prosemirror-state', 'prosemirror-view', 'prosemirror-transform',
      'prosemirror-commands', 'prosemirror-keymap', 'prosemirror-history', 'zod', 'vite'],
  },
};

export interface Violation {
  file: string;
  specifier: string;
  why: string;
}

const importPattern = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(importPattern)) found.push((match[1] ?? match[2] ?? match[3])!);
  return found;
}

/// The rule a file (path relative to the project root, `/`-separated) lives under, if any.
export function folderOf(file: string): Folder | undefined {
  const top = file.split('/')[0];
  if (top === 'electron' && /(^|\/)preload\.ts$/.test(file)) return 'electron-preload';
  return top !== undefined && top in rules && top !== 'electron-preload' ? (top as Folder) : undefined;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/// Why `specifier`, imported by `file`, breaks its folder's rule; undefined when it is allowed.
export function checkImport(file: string, specifier: string): string | undefined {
  const folder = folderOf(file);
  if (!folder) return undefined;
  const rule = rules[folder];
  if (specifier.startsWith('.')) {
    const target = relative('.', resolve(dirname(file), specifier)).split(sep).join('/');
    const targetTop = target.split('/')[0]!;
    return rule.folders.includes(targetTop) ? undefined : `${folder}/ may not import from ${targetTop}/`;
  }
  if (specifier.startsWith('node:') || builtinModules.includes(specifier)) {
    return rule.node ? undefined : `${folder}/ runs outside Node and may not import ${specifier}`;
  }
  const name = packageName(specifier);
  if (name === 'electron') return rule.electron ? undefined : `only electron/ may import electron`;
  if (rule.packages === '*' || rule.packages.includes(name)) return undefined;
  return `${folder}/ may not import the package ${name}`;
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(root, path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/// Every import in the project that breaks a rule. Tests are exempt: they may reach anything.
export function findViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const folder of Object.keys(rules)) {
    if (folder === 'electron-preload') continue;
    let files: string[];
    try {
      files = sourceFiles(root, folder);
    } catch {
      continue; // a folder that does not exist yet has nothing to break
    }
    for (const file of files) {
      for (const specifier of importsOf(readFileSync(join(root, file), 'utf8'))) {
        const why = checkImport(file, specifier);
        if (why) violations.push({ file, specifier, why });
      }
    }
  }
  return violations;
}
