import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { contentTypeFor, resolveStaticPath } from './staticFiles.ts';

const root = path.resolve('/srv/excerpt/build/renderer');

test('the root and folders serve index.html; files resolve inside the folder', () => {
  assert.equal(resolveStaticPath(root, '/'), path.join(root, 'index.html'));
  assert.equal(resolveStaticPath(root, '/assets/index-Ab12.js'), path.join(root, 'assets', 'index-Ab12.js'));
  assert.equal(resolveStaticPath(root, '/assets/'), path.join(root, 'assets', 'index.html'));
  assert.equal(resolveStaticPath(root, '/icon%20large.svg'), path.join(root, 'icon large.svg'));
  assert.equal(resolveStaticPath(`${root}/`, '/index.html'), path.join(root, 'index.html'));
});

test('paths that leave the folder or name hidden files resolve to nothing', () => {
  for (const urlPath of [
    '/../secret', '/assets/../../secret', '/%2e%2e/secret', '/%2E%2E%2Fsecret', '/..%2f..%2fetc/passwd',
    '/.env', '/assets/.git/config', '/a%5c..%5c..%5csecret', '/a\\b', '/index.html%00.js', '/%E0%A4%A', 'index.html', '',
  ]) {
    assert.equal(resolveStaticPath(root, urlPath), null, urlPath);
  }
});

test('files get their content type; unknown ones are opaque bytes', () => {
  assert.equal(contentTypeFor('/x/index.html'), 'text/html; charset=utf-8');
  assert.equal(contentTypeFor('/x/app.JS'), 'text/javascript; charset=utf-8');
  assert.equal(contentTypeFor('/x/app.css'), 'text/css; charset=utf-8');
  assert.equal(contentTypeFor('/x/icon.svg'), 'image/svg+xml');
  assert.equal(contentTypeFor('/x/font.woff2'), 'font/woff2');
  assert.equal(contentTypeFor('/x/data.bin'), 'application/octet-stream');
  assert.equal(contentTypeFor('/x/Makefile'), 'application/octet-stream');
});
