import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createAppWindow, type WindowSettings } from './window.ts';

// Its security settings are asserted item by item in checklist.test.ts.
const optionsOf = (settings: WindowSettings) => createAppWindow(class {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}, settings).options;

test('the window gets the preload bridge and waits for its first paint to show', () => {
  const options = optionsOf({ preloadPath: '/app/build/electron/preload.cjs', isPackaged: true });
  assert.equal(options.webPreferences?.preload, '/app/build/electron/preload.cjs');
  assert.equal(options.show, false);
  assert.equal(options.title, 'Excerpt');
});

test('a packaged app has no developer tools; a development build keeps them', () => {
  assert.equal(optionsOf({ preloadPath: '/p.cjs', isPackaged: true }).webPreferences?.devTools, false);
  assert.equal(optionsOf({ preloadPath: '/p.cjs', isPackaged: false }).webPreferences?.devTools, true);
});
