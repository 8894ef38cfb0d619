import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from './open.ts';
import { MigrationError, defaultMigrationsDir, migrate, readMigrations, schemaVersion } from './migrate.ts';
import { tempDir } from '../testing/tempLibrary.ts';
import { listBackups } from '../backup/backupFiles.ts';

/// A folder of migrations written for the test, and a library file beside it.
function setup(t: TestContext, migrations: Record<string, string>) {
  const dir = tempDir(t);
  const migrationsDir = join(dir, 'migrations');
  mkdirSync(migrationsDir);
  for (const [file, sql] of Object.entries(migrations)) writeFileSync(join(migrationsDir, file), sql);
  const path = join(dir, 'library.sqlite');
  const db = openDatabase(path);
  t.after(() => db.close());
  return { dir, migrationsDir, path, db, add: (file: string, sql: string) => writeFileSync(join(migrationsDir, file), sql) };
}

const first = "CREATE TABLE codes (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO codes (name) VALUES ('seeded by 0001');";
const second = 'ALTER TABLE codes ADD COLUMN colour TEXT; CREATE TABLE quotes (id INTEGER PRIMARY KEY, code_id INTEGER REFERENCES codes (id));';

test('migrations apply in numeric order, each setting user_version', (t) => {
  // Written out of order on disk; 0002 only works after 0001.
  const { db, migrationsDir } = setup(t, { '0002_colour.sql': second, '0001_codes.sql': first, 'README.txt': 'not a migration' });
  const report = migrate(db, migrationsDir);
  assert.deepEqual(report, { from: 0, to: 2, backupPath: null });
  assert.equal(schemaVersion(db), 2);
  assert.deepEqual(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('codes'), ['id', 'name', 'colour']);
  assert.deepEqual(readMigrations(migrationsDir).map((m) => m.file), ['0001_codes.sql', '0002_colour.sql']);
});

test('running the migrations again changes nothing', (t) => {
  const { db, migrationsDir, path } = setup(t, { '0001_codes.sql': first });
  migrate(db, migrationsDir);
  const again = migrate(db, migrationsDir);
  assert.deepEqual(again, { from: 1, to: 1, backupPath: null });
  assert.equal(db.prepare('SELECT count(*) FROM codes').pluck().get(), 1);
  assert.deepEqual(listBackups(path), []);
});

test('a library that holds data is backed up into its backups folder before a migration runs', (t) => {
  const { db, migrationsDir, path, dir, add } = setup(t, { '0001_codes.sql': first });
  migrate(db, migrationsDir);
  db.prepare('INSERT INTO codes (name) VALUES (?)').run('added by the analyst');
  add('0002_colour.sql', second);

  const report = migrate(db, migrationsDir);
  const [listed, ...others] = listBackups(path);
  assert.deepEqual(others, []);
  assert.equal(listed!.reason, 'before-upgrade');
  assert.equal(report.backupPath, listed!.path);
  assert.match(report.backupPath!, new RegExp(`^${dir}/backups/library-\\d{8}-\\d{6}-before-upgrade\\.sqlite$`));
  const backup = new Database(report.backupPath!, { readonly: true });
  t.after(() => backup.close());
  assert.equal(backup.pragma('user_version', { simple: true }), 1);
  assert.deepEqual(backup.prepare('SELECT name FROM codes ORDER BY id').pluck().all(), ['seeded by 0001', 'added by the analyst']);
  assert.deepEqual(backup.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('codes'), ['id', 'name']);
});

test('a second backup for the same step does not overwrite the first', (t) => {
  const { db, migrationsDir, path, add } = setup(t, { '0001_codes.sql': first });
  migrate(db, migrationsDir);
  add('0002_broken.sql', 'CREATE TABLE half (id INTEGER); THIS IS NOT SQL;');
  assert.throws(() => migrate(db, migrationsDir), MigrationError);
  assert.throws(() => migrate(db, migrationsDir), MigrationError);
  assert.deepEqual(listBackups(path).map((b) => b.reason), ['before-upgrade', 'before-upgrade']);
});

test('an empty library is not backed up; one with rows but no version is', (t) => {
  const empty = setup(t, { '0001_codes.sql': first });
  assert.equal(migrate(empty.db, empty.migrationsDir).backupPath, null);

  const legacy = setup(t, { '0001_codes.sql': 'CREATE TABLE codes (id INTEGER PRIMARY KEY, name TEXT);' });
  legacy.db.exec("CREATE TABLE leftovers (x TEXT); INSERT INTO leftovers VALUES ('something')");
  assert.equal(migrate(legacy.db, legacy.migrationsDir).backupPath, listBackups(legacy.path)[0]?.path);
  assert.equal(listBackups(legacy.path).length, 1);
});

test('a failing migration rolls back completely and leaves user_version where it was', (t) => {
  const { db, migrationsDir, add } = setup(t, { '0001_codes.sql': first });
  migrate(db, migrationsDir);
  add('0002_broken.sql', "CREATE TABLE half (id INTEGER); INSERT INTO codes (name) VALUES ('half-way'); SELECT no_such_function();");
  add('0003_after.sql', 'CREATE TABLE later (id INTEGER);');

  assert.throws(() => migrate(db, migrationsDir), (error: unknown) => {
    assert.ok(error instanceof MigrationError);
    assert.match(error.message, /schema version 2 \(0002_broken\.sql\)/);
    assert.match(error.message, /no such function/);
    assert.match(error.message, /left as it was, at version 1/);
    assert.match(error.message, /A copy taken before the upgrade is at \S+\/backups\/library-\d{8}-\d{6}-before-upgrade\.sqlite\./);
    return true;
  });
  assert.equal(schemaVersion(db), 1);
  assert.equal(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('half', 'later')").pluck().get(), 0);
  assert.deepEqual(db.prepare('SELECT name FROM codes').pluck().all(), ['seeded by 0001']);
});

test('a migration that leaves dangling references is refused, even where foreign keys are not enforced', (t) => {
  const { migrationsDir, add, dir } = setup(t, { '0001_codes.sql': first });
  const lax = new Database(join(dir, 'lax.sqlite'));
  t.after(() => lax.close());
  lax.pragma('foreign_keys = OFF');
  migrate(lax, migrationsDir);
  add('0002_quotes.sql', `${second} INSERT INTO quotes (code_id) VALUES (99);`);
  assert.throws(() => migrate(lax, migrationsDir), /would leave 1 rows pointing at rows that do not exist/);
  assert.equal(schemaVersion(lax), 1);
  assert.equal(lax.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'quotes'").pluck().get(), 0);
});

test('gaps in the numbering and libraries from a newer Excerpt are refused before anything runs', (t) => {
  const gap = setup(t, { '0001_codes.sql': first, '0003_later.sql': 'CREATE TABLE later (id INTEGER);' });
  assert.throws(() => migrate(gap.db, gap.migrationsDir), /not numbered 0001, 0002/);
  assert.equal(schemaVersion(gap.db), 0);

  const newer = setup(t, { '0001_codes.sql': first });
  newer.db.pragma('user_version = 7');
  assert.throws(() => migrate(newer.db, newer.migrationsDir), /newer Excerpt \(schema version 7; this one knows up to 1\)/);
});

test('the default folder is the project migrations/, found from the module', (t) => {
  const db = openDatabase(join(tempDir(t), 'library.sqlite'));
  t.after(() => db.close());
  const { to } = migrate(db);
  assert.equal(to, readMigrations(defaultMigrationsDir()).length);
  assert.ok(to >= 1);
  assert.equal(schemaVersion(db), to);
});
