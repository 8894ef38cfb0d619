import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declaredCharset } from './htmlCharset.ts';

const declared = (html: string) => declaredCharset(new TextEncoder().encode(html));

test('both forms of the declaration are found, in any case and quoting', () => {
  assert.equal(declared('<!DOCTYPE html><html><head><meta charset="windows-1251"><title>x</title>'), 'windows-1251');
  assert.equal(declared("<HEAD><META CHARSET='KOI8-R'>"), 'koi8-r');
  assert.equal(declared('<meta charset=utf-8>'), 'utf-8');
  assert.equal(declared('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), 'windows-1252');
});

test('no declaration, or one far down the file or outside a <meta>, is none', () => {
  assert.equal(declared('<html><head><title>charset=koi8-r</title></head></html>'), null);
  assert.equal(declared(`<html><head><!--${'x'.repeat(9000)}--><meta charset="koi8-r">`), null);
  assert.equal(declared(''), null);
});
