import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { openLibrary } from '../core/library.ts';
import { importText, tempDir } from '../core/testing/tempLibrary.ts';
import { runExcerpt } from './runExcerpt.ts';

test('tags merge moves one tag\'s highlights and sub-tags to another, named by name or path', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'library.sqlite');
  const library = openLibrary(db);
  let highlight: number;
  try {
    const { service } = library;
    const governance = await service.createTag({ name: 'Internet governance' });
    await service.createTag({ name: 'ITU role', parentId: governance.id, shortcut: '1' });
    const union = await service.createTag({ name: 'Telecommunication Union' });
    await service.createTag({ name: 'Standards', parentId: union.id });
    const doc = await importText(library, 'a.txt', 'Statement\n\nAn enhanced role for the ITU.');
    highlight = (await service.createAnnotation({ documentId: doc, start: 11, end: 30, tagIds: [union.id] })).id;
  } finally {
    library.close();
  }
  const run = (...args: string[]) => runExcerpt(['--db', db, ...args], { home: dir });

  const merged = await run('tags', 'merge', 'telecommunication union', 'Internet governance/ITU role');
  assert.equal(merged.status, 0, merged.stderr);
  assert.equal(merged.stdout, 'merged "Telecommunication Union" into "ITU role": 1 highlight moved\n');
  assert.equal((await run('tags')).stdout, 'Internet governance\n  ITU role [1]\n    Standards\n');
  const reopened = openLibrary(db);
  try {
    const [itu] = (await reopened.service.listTags({})).filter((tag) => tag.name === 'ITU role');
    const [annotation] = await reopened.service.listAnnotations({ documentId: 1 });
    assert.deepEqual([annotation!.id, annotation!.tagIds], [highlight, [itu!.id]]);
  } finally {
    reopened.close();
  }
});

test('tags merge refuses a tag that is not there, the same tag twice, or a merge into a sub-tag', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'library.sqlite');
  const library = openLibrary(db);
  try {
    const roles = await library.service.createTag({ name: 'Roles' });
    await library.service.createTag({ name: 'Lead', parentId: roles.id });
  } finally {
    library.close();
  }
  const run = (...args: string[]) => runExcerpt(['--db', db, ...args], { home: dir });
  const cases: [string[], number, RegExp][] = [
    [['tags', 'merge', 'Roles'], 2, /^excerpt tags: say which tag to merge into which: tags merge FROM INTO\.\nRun "excerpt tags --help"/],
    [['tags', 'merge', 'Nothing', 'Roles'], 2, /^excerpt: there is no tag "Nothing" in the codebook \("excerpt tags" lists them\)/],
    [['tags', 'merge', 'Roles', 'roles'], 2, /^excerpt: "Roles" and "roles" are the same tag; name two different tags\.\n$/],
    [['tags', 'merge', 'Roles', 'Roles/Lead'], 1, /^excerpt: "Roles" cannot be merged into "Lead", which is one of its own sub-tags\./],
    [['tags', 'frobnicate'], 2, /^excerpt tags: unexpected "frobnicate"/],
  ];
  for (const [args, status, message] of cases) {
    const result = await run(...args);
    assert.equal(result.status, status, `${args.join(' ')}: ${result.stderr}`);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, message);
  }
  assert.equal((await run('tags')).stdout, 'Roles\n  Lead\n', 'nothing was merged');
});
