/// What each keystroke costs an editor: from its keydown (seen by a capture listener before
/// ProseMirror or the browser act on it) to the end of the last state update it caused, with
/// the DOM updated and laid out (a layout read right after the update forces the layout).
import type { EditorView } from 'prosemirror-view';

/// One keystroke: the key and its cost in milliseconds.
export interface KeystrokeSample {
  key: string;
  ms: number;
}

/// The keystrokes timed so far.
export interface KeystrokeTimes {
  samples: KeystrokeSample[];
  /// Keys that led to no state update at all (a measurement that missed its work).
  unchanged: string[];
}

/// Times the keystrokes that reach `view`.
export interface KeystrokeTimer {
  /// Closes the keystroke in progress, so that what follows (moving the cursor) is not counted with it.
  settle(): void;
  /// The keystrokes since the last call, the one in progress closed first.
  take(): KeystrokeTimes;
}

export function timeKeystrokes(view: EditorView): KeystrokeTimer {
  let pending: { key: string; started: number; updated?: number } | null = null;
  let times: KeystrokeTimes = { samples: [], unchanged: [] };
  const settle = () => {
    if (!pending) return;
    if (pending.updated === undefined) times.unchanged.push(pending.key);
    else times.samples.push({ key: pending.key, ms: pending.updated - pending.started });
    pending = null;
  };
  view.dom.ownerDocument.defaultView!.addEventListener('keydown', (event) => {
    settle();
    pending = { key: event.key, started: performance.now() };
  }, true);
  // Every dispatch, whoever supplies dispatchTransaction, ends in the view's updateState.
  const updateState = view.updateState.bind(view);
  view.updateState = (state) => {
    updateState(state);
    if (!pending) return;
    view.dom.getBoundingClientRect();
    pending.updated = performance.now();
  };
  return {
    settle,
    take() {
      settle();
      const taken = times;
      times = { samples: [], unchanged: [] };
      return taken;
    },
  };
}
