import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staticPathSegments } from './staticPath.ts';

test('a URL path becomes the segments of a file below the renderer folder', () => {
  assert.deepEqual(staticPathSegments('/'), ['index.html']);
  assert.deepEqual(staticPathSegments('/assets/app-1x.js'), ['assets', 'app-1x.js']);
  assert.deepEqual(staticPathSegments('//assets//app.css'), ['assets', 'app.css']);
  assert.deepEqual(staticPathSegments('/docs/'), ['docs', 'index.html']);
  assert.deepEqual(staticPathSegments('/caf%C3%A9.svg'), ['café.svg']);
});

test('paths that could leave the folder are refused', () => {
  for (const bad of ['/..', '/a/../../b', '/%2e%2e/b', '/.hidden', '/a%5cb', '/a%00b', '/C:/Windows/win.ini', '/%zz', 'relative']) {
    assert.equal(staticPathSegments(bad), null, bad);
  }
});
