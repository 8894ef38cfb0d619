import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempLibrary } from '../testing/tempLibrary.ts';
import { appState } from './appState.ts';

test('app state remembers a value per key and replaces it when set again', (t) => {
  const state = appState(tempLibrary(t).db);
  assert.equal(state.get('samples_offered'), undefined);
  state.set('samples_offered', '2026-11-29');
  state.set('samples_offered', '2026-11-30');
  state.set('other', 'x');
  assert.equal(state.get('samples_offered'), '2026-11-30');
  assert.equal(state.get('other'), 'x');
});
