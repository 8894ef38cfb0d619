/// "Backups…": the library's backups, when each was taken, why, and how large it is; "Back up
/// now"; and "Restore…" on one of them, which first says what becomes of the library as it is
/// (a copy of it is kept) and asks to go on.
import { useCallback, useEffect, useId, useState } from 'react';
import type { BackupReason, LibraryBackup, LibraryBackups } from '../../common/types.ts';
import { asExcerptError } from '../../common/client.ts';
import { ExcerptError } from '../../common/errors.ts';
import { api } from './api.ts';
import { saveAllEdits } from './unsavedEdits.ts';
import { useModalDialog } from './useModalDialog.ts';

interface BackupDialogProps {
  /// Told what a restore did, for the message bar.
  onRestored: (message: string) => void;
  onClose: () => void;
}

const reasons: Record<BackupReason, string> = {
  scheduled: 'automatic',
  manual: 'backed up by you',
  'before-restore': 'before a restore',
  'before-upgrade': 'before an upgrade',
};

export function BackupDialog({ onRestored, onClose }: BackupDialogProps) {
  const id = useId();
  const dialog = useModalDialog();
  const [listed, setListed] = useState<LibraryBackups | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /// The backup the analyst chose to restore, waiting for them to confirm.
  const [confirming, setConfirming] = useState<LibraryBackup | null>(null);

  const list = useCallback(async () => {
    try {
      setListed(await api.listBackups({}));
    } catch (error) {
      setProblem(asExcerptError(error).message);
    }
  }, []);

  useEffect(() => void list(), [list]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    setNote(null);
    try {
      await work();
    } catch (error) {
      setProblem(asExcerptError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const backUpNow = () => run(async () => {
    const backup = await api.backUpNow({});
    setNote(`Backed up as ${backup.file}.`);
    await list();
  });

  const restore = (backup: LibraryBackup) => run(async () => {
    // Edits still waiting go into the library first, so the copy kept before the restore has them.
    const unsaved = await saveAllEdits();
    if (unsaved.length > 0) throw new ExcerptError('conflict', `${unsaved.join(' ')} The backup was not restored; try again once they are saved.`);
    const restored = await api.restoreBackup({ file: backup.file });
    onRestored(`The library was restored from the backup of ${when(backup)}. The library as it was is kept as the backup ${restored.safetyCopy.file}.`);
    dialog.current?.close();
  });

  return (
    <dialog ref={dialog} className="modal backup-dialog" aria-labelledby={`${id}-heading`} onClose={onClose}>
      <h2 id={`${id}-heading`} className="codebook-dialog-heading">{confirming ? 'Restore this backup?' : 'Backups'}</h2>
      {confirming ? (
        <>
          <p>
            The library goes back to what it held on {when(confirming)}: documents, highlights, tags and saved queries
            added or changed since then are replaced by the backup's.
          </p>
          <p>The library as it is now is kept first, as a backup of its own, so you can restore it again.</p>
        </>
      ) : (
        <>
          <p>
            Excerpt also backs the library up by itself while you work, and before it upgrades or restores it.
            {listed && <> The backups are kept in <span className="backup-folder">{listed.folder}</span>.</>}
          </p>
          {listed && listed.backups.length === 0 && <p className="empty-note">There are no backups yet.</p>}
          {listed && listed.backups.length > 0 && (
            <table className="backup-list">
              <thead>
                <tr><th scope="col">Taken</th><th scope="col">Why</th><th scope="col">Size</th><th scope="col"><span className="visually-hidden">Restore</span></th></tr>
              </thead>
              <tbody>
                {listed.backups.map((backup) => (
                  <tr key={backup.file} title={backup.file}>
                    <td>{when(backup)}</td>
                    <td>{reasons[backup.reason]}</td>
                    <td className="backup-size">{size(backup.size)}</td>
                    <td>
                      <button type="button" className="quiet-button" disabled={busy} aria-label={`Restore the backup of ${when(backup)}`} onClick={() => {
                        setNote(null);
                        setConfirming(backup);
                      }}>
                        Restore…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {note && <p role="status">{note}</p>}
      {problem && <p className="field-error" role="alert">{problem}</p>}
      <div className="codebook-dialog-actions">
        {confirming ? (
          <>
            <button type="button" className="danger-button" disabled={busy} onClick={() => void restore(confirming)}>
              {busy ? 'Restoring…' : 'Restore'}
            </button>
            <button type="button" className="quiet-button" disabled={busy} onClick={() => setConfirming(null)}>Cancel</button>
          </>
        ) : (
          <>
            <button type="button" className="import-button" disabled={busy} onClick={() => void backUpNow()}>
              {busy ? 'Backing up…' : 'Back up now'}
            </button>
            <button type="button" className="quiet-button" onClick={() => dialog.current?.close()}>Close</button>
          </>
        )}
      </div>
    </dialog>
  );
}

/// When a backup was taken, in the analyst's time and words.
function when(backup: LibraryBackup): string {
  return new Date(backup.takenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
