/// What an import did, file by file: documents added, new revisions (with what happened to
/// their highlights), files already in the library, and each file not imported with why.
import type { ReactNode } from 'react';
import { cancelledNote, duplicateNote, importSummary, revisionNote, skippedNote, type ImportReport as Report } from '../../common/importOutcome.ts';
import { useModalDialog } from './useModalDialog.ts';

// Thousands of imported titles would make the report slow to open and useless to read.
const LISTED = 200;

interface ImportReportProps {
  report: Report;
  onOpen: (id: number) => void;
  onClose: () => void;
}

export function ImportReport({ report, onOpen, onClose }: ImportReportProps) {
  const dialog = useModalDialog();
  const { result, skipped, cancelled } = report;

  const open = (id: number) => {
    onOpen(id);
    onClose();
  };

  return (
    <dialog ref={dialog} className="modal import-report" aria-labelledby="import-report-heading" onClose={onClose}>
      <h2 id="import-report-heading" className="import-report-heading">Import finished</h2>
      <p className="import-report-summary">{importSummary(report)}</p>
      {cancelled > 0 && <p className="import-report-note">{cancelledNote(cancelled)}</p>}
      {skipped > 0 && <p className="import-report-note">{skippedNote(skipped)}</p>}
      <div className="import-report-sections">
        <Section kind="failed" title="Not imported" count={result.failed.length}>
          {result.failed.map((failure, i) => (
            <li key={i}>
              <span className="import-report-name">{failure.name}</span>
              <span className="import-report-reason">{failure.reason}</span>
            </li>
          ))}
        </Section>
        <Section kind="revised" title="New revisions" count={result.revised.length}>
          {result.revised.slice(0, LISTED).map((revision, i) => (
            <li key={i}>
              <span className="import-report-name">{revision.name}</span>
              <button type="button" className="link-button" onClick={() => open(revision.id)}>
                {revisionNote(revision)}
              </button>
            </li>
          ))}
        </Section>
        <Section kind="imported" title="Imported" count={result.imported.length}>
          {result.imported.slice(0, LISTED).map((document, i) => (
            <li key={i}>
              <span className="import-report-name">{document.name}</span>
              <button type="button" className="link-button" onClick={() => open(document.id)}>
                {document.title}
              </button>
            </li>
          ))}
        </Section>
        <Section kind="duplicates" title="Already in the library" count={result.duplicates.length}>
          {result.duplicates.slice(0, LISTED).map((duplicate, i) => (
            <li key={i}>
              <span className="import-report-name">{duplicate.name}</span>
              <span className="import-report-reason">{duplicateNote(duplicate)}</span>
            </li>
          ))}
        </Section>
      </div>
      <form method="dialog" className="import-report-actions">
        <button type="submit" className="primary-button" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}

function Section({ kind, title, count, children }: { kind: string; title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  const hidden = Array.isArray(children) ? count - children.length : 0;
  return (
    <section className={`import-report-section import-report-${kind}`} aria-label={`${title}: ${count}`}>
      <h3 className="import-report-section-heading">
        {title} <span className="heading-count">{count}</span>
      </h3>
      <ul className="import-report-list">{children}</ul>
      {hidden > 0 && <p className="import-report-more">and {hidden} more</p>}
    </section>
  );
}
