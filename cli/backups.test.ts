import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openLibrary } from '../core/library.ts';
import { importText, tempDir } from '../core/testing/tempLibrary.ts';
import { withLibrary } from './library.ts';
import { runExcerpt } from './runExcerpt.ts';

/// The documents' titles of the library at `path`.
const titles = (path: string) =>
  withLibrary(path, { create: false }, async ({ service }) => (await service.listDocuments({})).map((d) => d.title).sort());

test('backup prints the checked copy it wrote, --list lists the backups, restore brings one back and keeps the library as it was', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'library.sqlite');
  const library = openLibrary(db);
  await importText(library, 'a.txt', 'Backed-up statement\n\nText.');
  library.close();
  const run = (...args: string[]) => runExcerpt(['--db', db, ...args], { home: dir, cwd: dir });

  const backedUp = await run('backup');
  assert.equal(backedUp.status, 0, backedUp.stderr);
  const written = backedUp.stdout.trim();
  assert.match(written, new RegExp(`^${dir}/backups/library-\\d{8}-\\d{6}-manual\\.sqlite$`));
  const file = written.slice(written.lastIndexOf('/') + 1);

  // The library file is lost; the backup brings it back, by the name --list gives.
  rmSync(db);
  const listed = await run('backup', '--list');
  assert.match(listed.stdout, new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\\t\\d+\\tmanual\\t${file}\\n$`));
  const restored = await run('restore', file);
  assert.equal(restored.status, 0, restored.stderr);
  assert.match(restored.stdout, new RegExp(`^Restored ${db} from ${written}\\.\\nThe library as it was is kept as ${dir}/backups/library-\\S+-before-restore\\.sqlite\\.\\n$`));
  assert.deepEqual(await titles(db), ['Backed-up statement']);

  // A file that is not a library, named by a path from the current folder, is refused.
  writeFileSync(join(dir, 'notes.txt'), 'Not a library at all. '.repeat(50));
  const refused = await run('restore', './notes.txt');
  assert.equal(refused.status, 1);
  assert.equal(refused.stdout, '');
  assert.equal(refused.stderr, `excerpt: ${join(dir, 'notes.txt')} cannot be restored: it is not a library Excerpt can read (file is not a database). The library was left as it was; choose another backup.\n`);
  assert.deepEqual(await titles(db), ['Backed-up statement']);
  assert.ok(existsSync(written));
});
