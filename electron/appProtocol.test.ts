import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { contentSecurityPolicy } from '../common/csp.ts';
import { appRequestFile, appResponseHeaders } from './appProtocol.ts';

const rendererDir = path.resolve('/opt/Excerpt/resources/app.asar/build/renderer');

test('app:// requests name files of the built renderer', () => {
  assert.equal(appRequestFile(rendererDir, 'app://excerpt/'), path.join(rendererDir, 'index.html'));
  assert.equal(appRequestFile(rendererDir, 'app://excerpt/index.html#token'), path.join(rendererDir, 'index.html'));
  assert.equal(appRequestFile(rendererDir, 'app://excerpt/assets/app-1x.js?v=2'), path.join(rendererDir, 'assets', 'app-1x.js'));
});

test('other hosts, other schemes and paths out of the folder name nothing', () => {
  for (const url of [
    'app://other/index.html', 'https://excerpt/index.html', 'file:///etc/passwd',
    'app://excerpt/..%2F..%2Fpackage.json', 'app://excerpt/.hidden', 'app://excerpt/a%5c..%5c..%5cx', 'garbage',
  ]) {
    assert.equal(appRequestFile(rendererDir, url), null, url);
  }
  // The URL parser itself folds encoded dot segments; what remains stays inside the folder.
  assert.equal(appRequestFile(rendererDir, 'app://excerpt/%2e%2e/%2e%2e/package.json'), path.join(rendererDir, 'package.json'));
});

test('every app:// response carries the CSP and nosniff; index.html is never cached', () => {
  const page = appResponseHeaders(path.join(rendererDir, 'index.html'));
  assert.equal(page['Content-Security-Policy'], contentSecurityPolicy);
  assert.equal(page['X-Content-Type-Options'], 'nosniff');
  assert.equal(page['Cache-Control'], 'no-store');
  assert.equal(appResponseHeaders(path.join(rendererDir, 'assets', 'a.js'))['Cache-Control'], 'no-cache');
});
