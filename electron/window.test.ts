import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowOptions } from './window.ts';

test('the window runs its page isolated, sandboxed and without Node', () => {
  const options = windowOptions({ preloadPath: '/app/build/electron/preload.cjs', isPackaged: true });
  const web = options.webPreferences!;
  assert.equal(web.preload, '/app/build/electron/preload.cjs');
  assert.equal(web.contextIsolation, true);
  assert.equal(web.sandbox, true);
  assert.equal(web.nodeIntegration, false);
  assert.equal(web.nodeIntegrationInWorker, false);
  assert.equal(web.nodeIntegrationInSubFrames, false);
  assert.equal(web.webviewTag, false);
  assert.equal(web.webSecurity, true);
  assert.equal(web.allowRunningInsecureContent, false);
  assert.equal(web.experimentalFeatures, false);
  assert.equal(web.navigateOnDragDrop, false);
  assert.equal(web.spellcheck, true);
  assert.equal(web.devTools, false, 'no developer tools in a packaged app');
  assert.equal(options.show, false);
});

test('a development build keeps its developer tools', () => {
  assert.equal(windowOptions({ preloadPath: '/p.cjs', isPackaged: false }).webPreferences!.devTools, true);
});
