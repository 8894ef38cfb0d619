/// How far an import has come: done of total, the file at hand, and Cancel for the
/// window's own import (the batches not yet sent are not sent).
import type { ImportUnderWay } from './useImport.ts';

export function ImportProgress({ progress, onCancel }: { progress: ImportUnderWay; onCancel: () => void }) {
  const { done, total, current, cancellable, cancelling } = progress;
  return (
    <section className="import-progress" aria-label="Import progress">
      <p className="import-progress-count" role="status">
        {cancelling ? 'Cancelling after this batch… ' : 'Importing '}
        {done} of {total}
      </p>
      <progress className="import-progress-bar" max={total} value={done} aria-label={`${done} of ${total} files imported`} />
      <p className="import-progress-current" title={current}>
        {current}
      </p>
      {cancellable && (
        <button type="button" className="quiet-button import-progress-cancel" disabled={cancelling} onClick={onCancel}>
          Cancel import
        </button>
      )}
    </section>
  );
}
