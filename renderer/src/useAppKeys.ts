/// The keys that work anywhere in the window (renderer/src/shortcuts.ts lists them): `?` for
/// the shortcuts sheet, J and K for the next and previous document (not while the analyst
/// types in a field or edits the text), and Mod+Shift+X for the excerpts view (even then).
import { useEffect, useRef } from 'react';
import { modKeyHeld, platformOf } from './shortcuts.ts';

interface AppKeyActions {
  showShortcuts: () => void;
  /// Opens the document `step` places after (1) or before (-1) the open one in the library list.
  openNeighbour: (step: 1 | -1) => void;
  /// Shows the excerpts view in place of the document, or the document again.
  toggleExcerpts: () => void;
}

export function useAppKeys(actions: AppKeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const platform = platformOf(navigator);
    const keyDown = (event: KeyboardEvent) => {
      if (!event.defaultPrevented && modKeyHeld(event, platform) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'x') {
        event.preventDefault();
        latest.current.toggleExcerpts();
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (event.key === '?') latest.current.showShortcuts();
      else if (event.key === 'j') latest.current.openNeighbour(1);
      else if (event.key === 'k') latest.current.openNeighbour(-1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', keyDown);
    return () => window.removeEventListener('keydown', keyDown);
  }, []);
}

/// A field, or the document text in editing mode (in coding mode it is marked read-only).
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('input, textarea, select, [role="dialog"]')) return true;
  const editable = target.closest('[contenteditable="true"]');
  return editable !== null && editable.getAttribute('aria-readonly') !== 'true';
}
