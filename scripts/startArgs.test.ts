import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStartArgs } from './startArgs.ts';

test('no options: a free port', () => {
  assert.deepEqual(parseStartArgs([]), { port: 0 });
});

test('--port, separate or with =', () => {
  assert.deepEqual(parseStartArgs(['--port', '4310']), { port: 4310 });
  assert.deepEqual(parseStartArgs(['--port=4311']), { port: 4311 });
});

test('bad options are refused with what to type instead', () => {
  assert.throws(() => parseStartArgs(['--port']), /--port needs a number/);
  assert.throws(() => parseStartArgs(['--port=']), /--port needs a number/);
  assert.throws(() => parseStartArgs(['--port', 'http']), /number from 0 to 65535, not "http"/);
  assert.throws(() => parseStartArgs(['--port', '70000']), /number from 0 to 65535/);
  assert.throws(() => parseStartArgs(['--port', '-1']), /number from 0 to 65535/);
  assert.throws(() => parseStartArgs(['--db', 'x.sqlite']), /Unknown option "--db".*EXCERPT_DB/);
});
