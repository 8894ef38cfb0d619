import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { MessageBoxOptions } from 'electron';
import { ipcChannels } from '../common/ipc.ts';
import { CLOSE, KEEP_OPEN, askPageToSave, holdCloseUntilSaved, type PageAnswer } from './saveBeforeClose.ts';
import { APP_ENTRY_URL } from './security.ts';

/// A window whose page answers with `answers` in turn and whose analyst clicks `choices` in turn.
function fakeWindow(answers: PageAnswer[], choices: number[] = []) {
  const w = {
    requests: 0,
    asked: [] as MessageBoxOptions[],
    closed: 0,
    keptOpen: 0,
    release: () => {},
    saveEdits: async () => {
      w.requests++;
      // The page takes a moment: closes arriving meanwhile must wait with this one.
      await new Promise<void>((resolve) => { w.release = resolve; });
      return answers.shift()!;
    },
    ask: async (question: MessageBoxOptions) => {
      w.asked.push(question);
      return choices.shift()!;
    },
    close: () => { w.closed++; },
    keepOpen: () => { w.keptOpen++; },
  };
  return w;
}

function closeEvent() {
  const event = { prevented: false, preventDefault: () => { event.prevented = true; } };
  return event;
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('closing waits for the page to save, then closes once; a close meanwhile waits with it', async () => {
  const window = fakeWindow([{ unsaved: [] }]);
  const onClose = holdCloseUntilSaved(window);
  const first = closeEvent();
  onClose(first);
  const second = closeEvent();
  onClose(second);
  assert.ok(first.prevented && second.prevented, 'the window stays until the page has saved');
  assert.equal(window.requests, 1, 'one request to save');
  assert.equal(window.closed, 0);

  window.release();
  await settle();
  assert.equal(window.closed, 1);
  assert.deepEqual(window.asked, [], 'nothing to ask when everything is saved');
  const final = closeEvent();
  onClose(final);
  assert.equal(final.prevented, false, 'the close main makes afterwards goes through');
});

test('edits that could not be saved are named; the analyst may keep the window open, and is asked again next time', async () => {
  const unsaved = ['Your edits to “Ministers meet” were not saved: the document changed since it was opened.'];
  const window = fakeWindow([{ unsaved }, { unsaved }], [KEEP_OPEN, CLOSE]);
  const onClose = holdCloseUntilSaved(window);

  onClose(closeEvent());
  window.release();
  await settle();
  assert.equal(window.closed, 0);
  assert.equal(window.keptOpen, 1);
  assert.equal(window.asked[0]!.message, 'Some of your edits could not be saved.');
  assert.match(window.asked[0]!.detail!, /^Your edits to “Ministers meet” were not saved: .*\n\nKeep Excerpt open to copy what you need/s);
  assert.deepEqual(window.asked[0]!.buttons, ['Keep Excerpt Open', 'Close Without Saving']);
  assert.equal(window.asked[0]!.defaultId, KEEP_OPEN, 'Enter keeps the edits within reach');

  const again = closeEvent();
  onClose(again);
  assert.ok(again.prevented, 'the page is asked again');
  window.release();
  await settle();
  assert.equal(window.requests, 2);
  assert.equal(window.closed, 1, 'closed without saving, as chosen');
});

test('a page that does not answer cannot keep the window open: the analyst is told and closing is the default', async () => {
  const window = fakeWindow(['no answer'], [CLOSE]);
  holdCloseUntilSaved(window)(closeEvent());
  window.release();
  await settle();
  assert.equal(window.asked[0]!.message, 'Excerpt could not confirm that your latest edits are saved.');
  assert.equal(window.asked[0]!.defaultId, CLOSE);
  assert.equal(window.closed, 1);
});

/// ipcMain and a page: the page's preload answers each request with `reply`.
function fakePage(reply: ((requestId: unknown) => unknown[]) | null, frameUrl = APP_ENTRY_URL) {
  const ipc = new EventEmitter();
  const page = {
    sent: [] as unknown[][],
    send(channel: string, ...args: unknown[]) {
      page.sent.push([channel, ...args]);
      if (reply) setImmediate(() => ipc.emit(ipcChannels.savedBeforeClose, { sender: page, senderFrame: { url: frameUrl } }, ...reply(args[0])));
    },
  };
  return { ipc, page };
}

test('the request goes to the page over its channel and its answer comes back', async () => {
  const unsaved = ['Your edits to “Talks” were not saved: the library could not be reached.'];
  const { ipc, page } = fakePage((id) => [id, unsaved]);
  assert.deepEqual(await askPageToSave(ipc, page, 1_000), { unsaved });
  assert.equal(page.sent[0]![0], ipcChannels.saveBeforeClose);
  assert.equal(ipc.listenerCount(ipcChannels.savedBeforeClose), 0, 'the listener goes with the answer');
});

test('answers to another request, from another page or frame, do not count; silence ends in "no answer"', async () => {
  const strangers = [
    fakePage((id) => [Number(id) + 1, []]),
    fakePage((id) => [id, []], 'https://evil.example/'),
  ];
  for (const { ipc, page } of strangers) {
    assert.equal(await askPageToSave(ipc, page, 50), 'no answer');
    assert.equal(ipc.listenerCount(ipcChannels.savedBeforeClose), 0);
  }
  const other = fakePage(null);
  const mine = fakePage(null);
  const asked = askPageToSave(mine.ipc, mine.page, 50);
  mine.ipc.emit(ipcChannels.savedBeforeClose, { sender: other.page, senderFrame: { url: APP_ENTRY_URL } }, 1, []);
  assert.equal(await asked, 'no answer');

  const crashed = { send: () => { throw new Error('Object has been destroyed'); } };
  assert.equal(await askPageToSave(new EventEmitter(), crashed, 10_000), 'no answer', 'a page that is gone is not waited for');
});

test('an answer that is not a list of lines is not shown as it came', async () => {
  const { ipc, page } = fakePage((id) => [id, [{ toString: 'x' }]]);
  const answer = await askPageToSave(ipc, page, 1_000);
  assert.deepEqual(answer, { unsaved: ['The window answered in a way Excerpt does not understand, so some edits may not be saved.'] });
  const long = fakePage((id) => [id, Array.from({ length: 50 }, () => 'x'.repeat(5_000))]);
  const bounded = await askPageToSave(long.ipc, long.page, 1_000);
  assert.ok(bounded !== 'no answer' && bounded.unsaved.length === 20 && bounded.unsaved.every((line) => line.length === 1_000));
});
