/// "Export…": the tagged excerpts of the library, or of a part of it the analyst is looking at
/// (the documents a filtered library list shows, what the excerpts view's query finds), in a
/// format the analyst picks, saved through the desktop app's save dialog or downloaded by the
/// browser.
import { useId, useState } from 'react';
import type { ExportFilter } from '../../common/api.ts';
import { asExcerptError } from '../../common/client.ts';
import { exportFormats, type ExportFormat } from '../../common/exportFormats.ts';
import { api } from './api.ts';
import { saveExportedFile } from './saveExportedFile.ts';
import { useModalDialog } from './useModalDialog.ts';

/// A part of the library to export, as the dialog offers it: "the 12 excerpts this query finds".
export interface ExportScope {
  label: string;
  filter: ExportFilter;
}

interface ExportDialogProps {
  /// The part the analyst is looking at, offered first; null when that is the whole library.
  scope: ExportScope | null;
  /// Told where the export went.
  onSaved: (where: string) => void;
  onClose: () => void;
}

export function ExportDialog({ scope, onSaved, onClose }: ExportDialogProps) {
  const id = useId();
  const dialog = useModalDialog();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [onlyScope, setOnlyScope] = useState(scope !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const exportNow = async () => {
    setExporting(true);
    setProblem(null);
    try {
      const file = await api.exportExcerpts({ format, filter: onlyScope && scope ? scope.filter : {} });
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
      {scope !== null && (
        <fieldset className="export-scope">
          <legend>Excerpts from</legend>
          <label>
            <input type="radio" name={`${id}-scope`} checked={onlyScope} onChange={() => setOnlyScope(true)} />
            {' '}{scope.label}
          </label>
          <label>
            <input type="radio" name={`${id}-scope`} checked={!onlyScope} onChange={() => setOnlyScope(false)} />
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
