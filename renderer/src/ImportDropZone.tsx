/// Files and folders dropped anywhere on the window are imported; while they are dragged
/// over it, an overlay says so. Text dragged inside the page is left alone.
import { useEffect, useRef, useState } from 'react';
import { carriesFiles, readDroppedFiles } from './readDroppedFiles.ts';
import type { ImportRequest } from './useImport.ts';

interface ImportDropZoneProps {
  busy: boolean;
  onImport: (request: ImportRequest) => void;
  onError: (error: unknown) => void;
}

export function ImportDropZone(props: ImportDropZoneProps) {
  const [over, setOver] = useState(false);
  // The window's listeners live as long as the app; they read the latest props from here.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; the overlay goes when the count is back to 0.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth++;
      setOver(true);
    };
    const overWindow = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      // Without this the browser would open the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current.busy ? 'none' : 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer) || !event.dataTransfer) return;
      // Captured before the editor sees it: a dropped file never lands in the text.
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      setOver(false);
      const { busy, onImport, onError } = latest.current;
      if (busy) return;
      readDroppedFiles(event.dataTransfer).then(onImport, onError);
    };
    window.addEventListener('dragenter', enter, true);
    window.addEventListener('dragover', overWindow, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragenter', enter, true);
      window.removeEventListener('dragover', overWindow, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('drop', drop, true);
    };
  }, []);

  if (!over) return null;
  const { busy } = props;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">{busy ? 'An import is under way' : 'Drop to import'}</p>
        <p className="drop-overlay-hint">{busy ? 'Wait for it to finish, then drop again.' : 'Press releases as .txt, .md, .html, .docx, .pdf or .eml; folders too.'}</p>
      </div>
    </div>
  );
}
