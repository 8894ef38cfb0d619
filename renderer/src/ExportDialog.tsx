/// "Export…": the tagged excerpts of the library (or of the documents the library list shows
/// when it is filtered) in a format the analyst picks, saved through the desktop app's save
/// dialog or downloaded by the browser.
import { useEffect, useId, useRef, useState } from 'react';
import { asExcerptError } from '../../common/client.ts';
import { exportFormats, type ExportFormat } from '../../common/exportFormats.ts';
import { api } from './api.ts';
import { saveExportedFile } from './saveExportedFile.ts';

interface ExportDialogProps {
  /// The documents the library list shows when it is filtered; null when it shows them all.
  listed: readonly number[] | null;
  /// Told where the export went.
  onSaved: (where: string) => void;
  onClose: () => void;
}

export function ExportDialog({ listed, onSaved, onClose }: ExportDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [onlyListed, setOnlyListed] = useState(listed !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const exportNow = async () => {
    setExporting(true);
    setProblem(null);
    try {
      const file = await api.exportExcerpts({ format, filter: onlyListed && listed ? { documentIds: [...listed] } : {} });
      const where = await saveExportedFile(file);
      if (where === null) {
        setExporting(false);
        return;
      }
      onSaved(where);
      dialog.current?.close();
    } catch (error) {
      setProblem(asExcerptError(error).message);
      setExporting(false);
    }
  };

  return (
    <dialog ref={dialog} className="modal export-dialog" aria-labelledby={`${id}-heading`} onClose={onClose}>
      <h2 id={`${id}-heading`} className="codebook-dialog-heading">Export excerpts</h2>
      <fieldset className="export-formats">
        <legend>Format</legend>
        {exportFormats.map((f) => (
          <label key={f.id} className="export-format">
            <input type="radio" name={`${id}-format`} value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
            <span className="export-format-label">{f.label} <span className="export-format-extension">.{f.extension}</span></span>
            <span className="export-format-description">{f.description}</span>
          </label>
        ))}
      </fieldset>
      {listed !== null && (
        <fieldset className="export-scope">
          <legend>Excerpts from</legend>
          <label>
            <input type="radio" name={`${id}-scope`} checked={onlyListed} onChange={() => setOnlyListed(true)} />
            {' '}the {listed.length === 1 ? 'document' : `${listed.length} documents`} the library list shows
          </label>
          <label>
            <input type="radio" name={`${id}-scope`} checked={!onlyListed} onChange={() => setOnlyListed(false)} />
            {' '}the whole library
          </label>
        </fieldset>
      )}
      {problem && <p className="field-error" role="alert">{problem}</p>}
      <div className="codebook-dialog-actions">
        <button type="button" className="import-button" disabled={exporting} onClick={() => void exportNow()}>
          {exporting ? 'Exporting…' : 'Export'}
        </button>
        <button type="button" className="quiet-button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
