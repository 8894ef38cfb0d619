import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { defaultLibraryPath, resolveLibraryPath } from './libraryPath.ts';

test('the default library sits where Electron keeps userData for "Excerpt" on each platform', () => {
  assert.equal(defaultLibraryPath({ platform: 'linux', home: '/home/ana', env: {} }), '/home/ana/.config/Excerpt/library.sqlite');
  assert.equal(defaultLibraryPath({ platform: 'linux', home: '/home/ana', env: { XDG_CONFIG_HOME: '/data/config' } }), '/data/config/Excerpt/library.sqlite');
  assert.equal(defaultLibraryPath({ platform: 'freebsd', home: '/home/ana', env: { XDG_CONFIG_HOME: '' } }), '/home/ana/.config/Excerpt/library.sqlite');
  assert.equal(defaultLibraryPath({ platform: 'darwin', home: '/Users/ana', env: {} }), '/Users/ana/Library/Application Support/Excerpt/library.sqlite');
  assert.equal(defaultLibraryPath({ platform: 'win32', home: 'C:\\Users\\ana', env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' } }), 'C:\\Users\\ana\\AppData\\Roaming\\Excerpt\\library.sqlite');
  assert.equal(defaultLibraryPath({ platform: 'win32', home: 'C:\\Users\\ana', env: {} }), 'C:\\Users\\ana\\AppData\\Roaming\\Excerpt\\library.sqlite');
});

test('--db wins over $EXCERPT_DB, which wins over the default', () => {
  const environment = { platform: 'linux' as const, home: '/home/ana', env: { EXCERPT_DB: '/srv/team/library.sqlite' } };
  assert.equal(resolveLibraryPath('/tmp/flag.sqlite', environment), '/tmp/flag.sqlite');
  assert.equal(resolveLibraryPath('relative/lib.sqlite', environment), resolve('relative/lib.sqlite'));
  assert.equal(resolveLibraryPath(undefined, environment), '/srv/team/library.sqlite');
  assert.equal(resolveLibraryPath('', environment), '/srv/team/library.sqlite');
  assert.equal(resolveLibraryPath(undefined, { ...environment, env: {} }), '/home/ana/.config/Excerpt/library.sqlite');
});

test('without arguments the real environment is used', () => {
  const saved = process.env.EXCERPT_DB;
  try {
    process.env.EXCERPT_DB = 'from-env.sqlite';
    assert.equal(resolveLibraryPath(), resolve('from-env.sqlite'));
    delete process.env.EXCERPT_DB;
    assert.equal(resolveLibraryPath(), defaultLibraryPath());
    assert.match(defaultLibraryPath(), /Excerpt[\\/]library\.sqlite$/);
  } finally {
    if (saved === undefined) delete process.env.EXCERPT_DB;
    else process.env.EXCERPT_DB = saved;
  }
});
