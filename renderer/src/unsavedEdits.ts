/// Edits the library does not hold yet, in every open document, are saved before the page goes
/// away. In the desktop app main asks before the window closes or the app quits, and waits
/// (electron/saveBeforeClose.ts). In a browser the page saves as it goes (a reload, a closed
/// tab) in requests that outlive it, and has the browser ask the analyst to stay when something
/// cannot be sent that way.
import type { DocumentSaver } from './documentSaver.ts';
import { onSaveBeforeClose } from './api.ts';

/// The open documents' savers, each with the document's title as the analyst knows it.
const watched = new Map<DocumentSaver, () => string>();
let listening = false;

/// Keeps `saver`'s edits in view until the function returned is called (the document closed).
export function saveBeforeLeaving(saver: DocumentSaver, title: () => string): () => void {
  if (!listening) listen();
  watched.set(saver, title);
  return () => watched.delete(saver);
}

/// Saves every open document's edits now; resolves with what could not be saved, said for the
/// analyst (nothing when all is saved).
export async function saveAllEdits(): Promise<string[]> {
  const unsaved: string[] = [];
  for (const [saver, title] of watched) {
    await saver.flush();
    if (saver.pending()) unsaved.push(notSaved(title(), saver.lastFailure()));
  }
  return unsaved;
}

function notSaved(title: string, failure: unknown): string {
  const reason = failure instanceof Error ? failure.message : 'they were still being saved.';
  return `Your edits to “${title}” were not saved: ${reason}`;
}

/// Sends every open document's unsaved edits in calls that outlive the page; true when nothing
/// may stay behind.
function sendAllAsPageCloses(): boolean {
  let all = true;
  for (const saver of watched.keys()) all = saver.saveAsPageCloses() && all;
  return all;
}

function listen(): void {
  listening = true;
  if (onSaveBeforeClose) {
    onSaveBeforeClose(saveAllEdits);
    // A reload in the desktop app: the bridge's calls reach main whatever becomes of the page.
    window.addEventListener('pagehide', () => void sendAllAsPageCloses());
    return;
  }
  window.addEventListener('beforeunload', (event) => {
    if (sendAllAsPageCloses()) return;
    // Should the analyst stay, what could not be sent is saved as usual.
    for (const saver of watched.keys()) void saver.flush();
    // The browser asks "Leave site? Changes you made may not be saved."
    event.preventDefault();
  });
  // The page goes even so (or without a beforeunload, as a closing tab may): send what can be.
  window.addEventListener('pagehide', () => void sendAllAsPageCloses());
}
