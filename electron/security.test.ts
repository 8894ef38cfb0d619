import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy } from '../common/csp.ts';
import {
  APP_ENTRY_URL, USER_ACTIVATION_MS, appContentSecurityPolicy, createWindowOpenHandler, denyPermissionCheck,
  denyPermissionRequest, isAllowedExternalUrl, isAllowedNavigation, isAllowedRequest, isUserActivation,
} from './security.ts';

test('the window may show the app\'s own pages and nothing else', () => {
  assert.equal(isAllowedNavigation(APP_ENTRY_URL), true);
  assert.equal(isAllowedNavigation('app://excerpt/index.html#/documents/3'), true);
  for (const url of [
    'https://example.org/', 'http://127.0.0.1:4310/', 'file:///etc/passwd', 'app://evil/index.html',
    'app://excerpt.evil/index.html', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'about:blank', 'not a url', '',
  ]) {
    assert.equal(isAllowedNavigation(url), false, url);
  }
});

test('the page loads only its own files, data: images, blobs and devtools; nothing from the network', () => {
  for (const url of ['app://excerpt/assets/app.js', 'data:image/png;base64,AAAA', 'blob:app://excerpt/1234', 'devtools://devtools/bundled/x.html']) {
    assert.equal(isAllowedRequest(url), true, url);
  }
  for (const url of ['https://fonts.example/font.woff2', 'http://127.0.0.1:4310/api/listTags', 'file:///etc/passwd', 'ws://localhost/', 'app://other/x.js', 'nope']) {
    assert.equal(isAllowedRequest(url), false, url);
  }
});

test('only https: and mailto: links may be handed to the system', () => {
  for (const url of ['https://www.itu.int/en/', 'mailto:press@example.org']) assert.equal(isAllowedExternalUrl(url), true, url);
  for (const url of [
    'http://www.itu.int/', 'file:///C:/Windows/System32/calc.exe', 'smb://share/x', 'javascript:alert(1)',
    'ms-msdt:/id', 'https://user:pass@example.org/', 'app://excerpt/index.html', 'vbscript:x', '',
  ]) {
    assert.equal(isAllowedExternalUrl(url), false, url);
  }
});

test('new windows are always denied; an allowed link opens externally only right after a click', () => {
  const opened: string[] = [];
  let clickedAt = 0;
  let now = 10_000;
  const handler = createWindowOpenHandler((url) => opened.push(url), () => clickedAt, () => now);

  assert.deepEqual(handler({ url: 'https://www.itu.int/' }), { action: 'deny' });
  assert.deepEqual(opened, [], 'no click yet');

  clickedAt = now - 200;
  assert.deepEqual(handler({ url: 'https://www.itu.int/' }), { action: 'deny' });
  assert.deepEqual(handler({ url: 'file:///etc/passwd' }), { action: 'deny' });
  assert.deepEqual(opened, ['https://www.itu.int/']);

  now = clickedAt + USER_ACTIVATION_MS + 1;
  handler({ url: 'mailto:press@example.org' });
  assert.deepEqual(opened, ['https://www.itu.int/'], 'the click is too old');
});

test('clicks, key presses and taps count as the analyst\'s action; moving the mouse does not', () => {
  for (const type of ['mouseUp', 'keyDown', 'rawKeyDown', 'touchEnd', 'gestureTap']) assert.equal(isUserActivation(type), true, type);
  for (const type of ['mouseMove', 'mouseWheel', 'mouseEnter', 'keyUp', 'gestureScrollUpdate']) assert.equal(isUserActivation(type), false, type);
});

test('every permission is denied', () => {
  for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
    let granted: boolean | undefined;
    denyPermissionRequest(null, permission, (answer) => { granted = answer; });
    assert.equal(granted, false, permission);
  }
  assert.equal(denyPermissionCheck(), false);
});

test('the window and the loopback host send the same strict CSP', () => {
  assert.equal(appContentSecurityPolicy, contentSecurityPolicy);
  assert.match(contentSecurityPolicy, /(^|; )default-src 'self'(;|$)/);
  assert.match(contentSecurityPolicy, /object-src 'none'/);
  assert.match(contentSecurityPolicy, /frame-ancestors 'none'/);
  assert.doesNotMatch(contentSecurityPolicy, /unsafe-inline|unsafe-eval|https?:|\*/);
});
