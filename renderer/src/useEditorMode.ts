/// A mode of the editor (editing the text, snap mode) as the page shows it and as the editor's
/// key handlers read it: the handlers' copy is set at once, since keys may come before React
/// renders again.
import { useRef, useState } from 'react';

export interface EditorMode {
  /// As the page shows it.
  on: boolean;
  /// As it is this moment, for the editor's handlers.
  now(): boolean;
  set(on: boolean): void;
}

export function useEditorMode(): EditorMode {
  const [on, setShown] = useState(false);
  const current = useRef(false);
  return {
    on,
    now: () => current.current,
    set: (next) => {
      current.current = next;
      setShown(next);
    },
  };
}
