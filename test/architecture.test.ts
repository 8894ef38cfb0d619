import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkImport, findViolations, importsOf } from './importRules.ts';

const root = join(import.meta.dirname, '..');

test('no folder imports what ARCHITECTURE.md does not allow it', () => {
  const violations = findViolations(root);
  assert.deepEqual(violations.map((v) => `${v.file}: ${v.specifier} (${v.why})`), []);
});

test('the check finds the imports of a file in every form', () => {
  const source = [
    "import { a } from './a.ts';",
    "import type { B } from '../core/b.ts';",
    "export * from 'zod';",
    "const c = await import('node:fs');",
    "const d = require('electron');",
    "import './side-effect.css';",
  ].join('\n');
  assert.deepEqual(importsOf(source), ['./a.ts', '../core/b.ts', 'zod', 'node:fs', 'electron', './side-effect.css']);
});

test('the check refuses what each rule forbids and allows the rest', () => {
  assert.match(checkImport('renderer/src/app.tsx', '../../core/service.ts')!, /renderer\/ may not import from core/);
  assert.match(checkImport('renderer/src/app.tsx', 'node:fs')!, /may not import node:fs/);
  assert.match(checkImport('renderer/src/app.tsx', 'better-sqlite3')!, /may not import the package better-sqlite3/);
  assert.match(checkImport('common/text.ts', 'fs')!, /may not import fs/);
  assert.match(checkImport('common/text.ts', '../core/db/open.ts')!, /common\/ may not import from core/);
  assert.match(checkImport('core/service.ts', 'electron')!, /only electron\/ may import electron/);
  assert.match(checkImport('core/service.ts', '../server/host.ts')!, /core\/ may not import from server/);
  assert.match(checkImport('server/host.ts', '../cli/main.ts')!, /server\/ may not import from cli/);
  assert.match(checkImport('electron/preload.ts', '../core/service.ts')!, /may not import from core/);
  assert.match(checkImport('electron/preload.ts', 'node:path')!, /may not import node:path/);
  assert.equal(checkImport('electron/preload.ts', 'electron'), undefined);
  assert.equal(checkImport('electron/main.ts', '../core/library.ts'), undefined);
  assert.equal(checkImport('cli/main.ts', '../server/host.ts'), undefined);
  assert.equal(checkImport('core/service.ts', 'better-sqlite3'), undefined);
  assert.equal(checkImport('common/schema.ts', 'prosemirror-model'), undefined);
  assert.equal(checkImport('renderer/src/editor/view.ts', 'prosemirror-view'), undefined);
});
