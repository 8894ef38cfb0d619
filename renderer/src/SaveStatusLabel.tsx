/// The header's word on where the open document's edits stand (documentSaver.ts tells it). The
/// saver tells a small store and only this label renders again: the status is told on every
/// keystroke, and the document view must not render again for it.
import { useSyncExternalStore } from 'react';
import type { SaveStatus } from './documentSaver.ts';

export interface SaveStatusStore {
  set(status: SaveStatus): void;
  get(): SaveStatus;
  subscribe(listener: () => void): () => void;
}

export function saveStatusStore(): SaveStatusStore {
  let status: SaveStatus = 'saved';
  const listeners = new Set<() => void>();
  return {
    set(next) {
      if (next === status) return;
      status = next;
      for (const listener of listeners) listener();
    },
    get: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/// What the label says of each status; a failure's reason is in the message region.
const STATUS_TEXT: Record<SaveStatus, string> = {
  saved: 'Saved',
  unsaved: 'Edited',
  saving: 'Saving…',
  failed: 'Not saved',
};

export function SaveStatusLabel({ store }: { store: SaveStatusStore }) {
  const status = useSyncExternalStore(store.subscribe, store.get);
  return (
    <span className={`save-status save-status-${status}`} role="status">
      {STATUS_TEXT[status]}
    </span>
  );
}
