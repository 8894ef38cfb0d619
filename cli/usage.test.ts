import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempDir } from '../core/testing/tempLibrary.ts';
import { runExcerpt } from './runExcerpt.ts';

const commands = ['import', 'docs', 'tags', 'code', 'export', 'serve', 'backup', 'restore'];

test('--help explains each command on stdout', async (t) => {
  const home = tempDir(t);
  const overall = await runExcerpt(['--help'], { home });
  assert.equal(overall.status, 0);
  for (const command of commands) assert.match(overall.stdout, new RegExp(`^  ${command} `, 'm'));
  for (const command of commands) {
    const own = await runExcerpt([command, '--help'], { home });
    assert.equal(own.status, 0, own.stderr);
    assert.match(own.stdout, new RegExp(`^Usage: excerpt \\[--db PATH\\] ${command}`));
  }
  assert.equal((await runExcerpt(['help', 'code'], { home })).stdout, (await runExcerpt(['code', '-h'], { home })).stdout);
});

test('an unknown command, an unknown flag or a missing argument is a usage error on stderr, exit 2', async (t) => {
  const home = tempDir(t);
  const cases: [string[], RegExp][] = [
    [[], /^excerpt: which command\?/],
    [['frobnicate'], /^excerpt: there is no command "frobnicate"\.\nRun "excerpt --help"/],
    [['--verbose', 'docs'], /^excerpt: Unknown option '--verbose'/],
    [['docs', '--color'], /^excerpt docs: Unknown option '--color'.*\nRun "excerpt docs --help" for its usage\.\n$/s],
    [['export', '--format', 'xml'], /^excerpt export: there is no export format "xml"; choose one of csv, xlsx, docx/],
    [['code', '3', '--tag', 'ITU role'], /^excerpt code: say which passage to tag with --quote TEXT\./],
    [['serve', '--port', 'eighty'], /^excerpt serve: --port must be a positive whole number/],
    [['restore'], /^excerpt restore: say which backup to restore: restore FILE/],
  ];
  for (const [args, message] of cases) {
    const result = await runExcerpt(args, { home });
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  }
});
