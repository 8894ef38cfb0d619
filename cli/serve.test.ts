import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../core/testing/tempLibrary.ts';
import { excerptBin } from './runExcerpt.ts';

const built = existsSync(join(import.meta.dirname, '..', 'build', 'renderer', 'index.html'));

test('serve prints its URL with the token, answers the API, and stops cleanly on SIGTERM', { skip: !built && 'the renderer is not built (npm run build)' }, async (t) => {
  const dir = tempDir(t);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir };
  delete env.EXCERPT_DB;
  const child = spawn(process.execPath, [excerptBin, '--db', join(dir, 'library.sqlite'), 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const found = /^Open (http:\/\/127\.0\.0\.1:\d+\/\S*#token=\S+)$/m.exec(stdout);
      if (found) resolve(found[1]!);
    });
    child.on('close', (status) => reject(new Error(`serve exited (${status}) before printing its URL: ${stderr}`)));
  });

  const address = new URL(url);
  const token = new URLSearchParams(address.hash.slice(1)).get('token')!;
  const reply = await fetch(new URL('/api/listDocuments', address.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-excerpt-token': token },
    body: '{}',
  });
  assert.equal(reply.status, 200);
  assert.deepEqual(await reply.json(), [], 'the CLI never adds samples');

  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.kill('SIGTERM');
  assert.equal(await exited, 0, stderr);
});
