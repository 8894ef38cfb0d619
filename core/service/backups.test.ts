import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ExcerptError } from '../../common/errors.ts';
import { openDatabase } from '../db/open.ts';
import { migrate } from '../db/migrate.ts';
import { createService } from '../service.ts';
import { importText, tempDir, tempLibrary, textFile } from '../testing/tempLibrary.ts';

const refusal = (code: string, message: RegExp) => (error: unknown) => {
  assert.ok(error instanceof ExcerptError, String(error));
  assert.equal(error.code, code, error.message);
  assert.match(error.message, message);
  return true;
};

test('listBackups gives the folder and the backups newest first; backUpNow is the analyst’s unless the schedule says', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  assert.deepEqual(await service.listBackups({}), { folder: join(library.path, '..', 'backups'), backups: [] });
  const manual = await service.backUpNow({});
  const scheduled = await service.backUpNow({ reason: 'scheduled' });
  assert.deepEqual([manual.reason, scheduled.reason], ['manual', 'scheduled']);
  assert.deepEqual((await service.listBackups({})).backups, [scheduled, manual]);
  await assert.rejects(service.backUpNow({ reason: 'weekly' as 'manual' }), refusal('invalid-argument', /reason/));
});

test('restoreBackup takes a name from the list or a full path, nothing in between', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  await importText(library, 'a.txt', 'First statement\n\nText.');
  const backup = await service.backUpNow({});
  await importText(library, 'b.txt', 'Second statement\n\nText.');

  await assert.rejects(service.restoreBackup({ file: `backups/${backup.file}` }), refusal('invalid-argument', /neither the name of a backup nor a full path/));
  await assert.rejects(service.restoreBackup({ file: '..' }), refusal('invalid-argument', /neither the name of a backup/));
  await assert.rejects(service.restoreBackup({ file: '  ' }), refusal('invalid-argument', /say which backup to restore/));
  await service.restoreBackup({ file: backup.file });
  assert.deepEqual((await service.listDocuments({})).map((d) => d.title), ['First statement']);
  const safety = (await service.listBackups({})).backups[0]!;
  await service.restoreBackup({ file: safety.path });
  assert.deepEqual((await service.listDocuments({})).map((d) => d.title).sort(), ['First statement', 'Second statement']);
});

test('a restore has the library to itself: refused while an import runs; calls made meanwhile wait, then use the restored library', async (t) => {
  const library = tempLibrary(t);
  const { service } = library;
  const backup = await service.backUpNow({});
  const files = Array.from({ length: 50 }, (_, i) => textFile(`${i}.txt`, `Release ${i}\n\n${'Text. '.repeat(500)}`));

  const importing = service.importFiles({ files });
  await assert.rejects(service.restoreBackup({ file: backup.file }), refusal('conflict', /busy with the library .* Wait until it has finished, then try again/));
  assert.equal((await importing).imported.length, 50);

  const restoring = service.restoreBackup({ file: backup.file });
  const listedMeanwhile = service.listDocuments({});
  const taggedMeanwhile = service.createTag({ name: 'Made during the restore' });
  await restoring;
  assert.deepEqual(await listedMeanwhile, []);
  await taggedMeanwhile;
  assert.deepEqual((await service.listTags({})).map((tag) => tag.name), ['Made during the restore']);
});

test('a service over a bare connection backs up but cannot restore', async (t) => {
  const db = openDatabase(join(tempDir(t), 'library.sqlite'));
  t.after(() => db.close());
  migrate(db);
  const service = createService(db);
  const backup = await service.backUpNow({});
  await assert.rejects(service.restoreBackup({ file: backup.file }), refusal('unsupported', /cannot be replaced; restore it with "excerpt restore FILE"/));

  const memory = openDatabase(':memory:');
  t.after(() => memory.close());
  migrate(memory);
  await assert.rejects(createService(memory).backUpNow({}), refusal('unsupported', /in memory only/));
});
