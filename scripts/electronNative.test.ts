import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { isUpToDate, nativeBuildPlan, nodeGypEnvironment } from './electronNative.ts';

const root = path.resolve('/src/excerpt');

test('the Electron build goes to build/electron-native, never into node_modules', () => {
  const plan = nativeBuildPlan(root, '45.5.0', '12.11.1', 'x64', 'linux');
  assert.equal(plan.module, path.join(root, 'build', 'electron-native', 'better_sqlite3.node'));
  for (const place of [plan.dir, plan.module, plan.sourceDir, plan.infoFile]) {
    assert.ok(!place.includes('node_modules'), place);
  }
  assert.deepEqual(plan.nodeGypArgs, [
    'rebuild', '--release', '--target=45.5.0', '--arch=x64', '--dist-url=https://electronjs.org/headers',
    `--devdir=${path.join(root, 'build', 'electron-native', 'headers')}`,
  ]);
});

test('a build is reused only for the same Electron, better-sqlite3, platform and arch', () => {
  const plan = nativeBuildPlan(root, '45.5.0', '12.11.1', 'x64', 'linux');
  const same = { electron: '45.5.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };
  assert.equal(isUpToDate(plan, same, true), true);
  assert.equal(isUpToDate(plan, same, false), false, 'the module file is gone');
  assert.equal(isUpToDate(plan, null, true), false, 'no record of what it was built for');
  assert.equal(isUpToDate(plan, { ...same, electron: '44.0.0' }, true), false);
  assert.equal(isUpToDate(plan, { ...same, betterSqlite3: '12.10.0' }, true), false);
  assert.equal(isUpToDate(plan, { ...same, arch: 'arm64' }, true), false);
});

test('npm\'s configuration variables do not reach node-gyp', () => {
  const env = nodeGypEnvironment({ PATH: '/usr/bin', npm_config_target: '20.0.0', NPM_CONFIG_DISTURL: 'https://nodejs.org', npm_lifecycle_event: 'start' });
  assert.deepEqual(env, { PATH: '/usr/bin', npm_lifecycle_event: 'start' });
});
