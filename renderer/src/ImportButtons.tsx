/// "Import…" (files) and "Import folder…" in the library column: each opens the browser's
/// own chooser; a chosen folder is read recursively (hidden files and other formats skipped).
import { useEffect, useRef, type ChangeEvent } from 'react';
import { folderFiles, importAccept } from './importableFiles.ts';
import type { ImportRequest } from './useImport.ts';

interface ImportButtonsProps {
  busy: boolean;
  onImport: (request: ImportRequest) => void;
}

export function ImportButtons({ busy, onImport }: ImportButtonsProps) {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  // React does not know the folder attribute; the DOM property sets it.
  useEffect(() => {
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);

  const chosen = (event: ChangeEvent<HTMLInputElement>, folder: boolean) => {
    const files = Array.from(event.target.files ?? []);
    // Cleared, so choosing the same files again is a change too.
    event.target.value = '';
    if (files.length === 0) return;
    if (folder) {
      const { picked, skipped } = folderFiles(files.map((file) => ({ file, path: file.webkitRelativePath || file.name })));
      onImport({ picked, skipped, unreadable: [] });
    } else {
      onImport({ picked: files.map((file) => ({ file, name: file.name })), skipped: 0, unreadable: [] });
    }
  };

  return (
    <div className="import-buttons">
      <button type="button" className="import-button" disabled={busy} onClick={() => filesInput.current?.click()}>
        Import…
      </button>
      <button type="button" className="quiet-button" disabled={busy} onClick={() => folderInput.current?.click()}>
        Import folder…
      </button>
      <input
        ref={filesInput}
        className="visually-hidden"
        type="file"
        multiple
        accept={importAccept}
        tabIndex={-1}
        aria-label="Choose press releases to import"
        onChange={(event) => chosen(event, false)}
      />
      <input
        ref={folderInput}
        className="visually-hidden"
        type="file"
        tabIndex={-1}
        aria-label="Choose a folder of press releases to import"
        onChange={(event) => chosen(event, true)}
      />
    </div>
  );
}
