/// The import the window runs: files the analyst chose or dropped go to the library in
/// batches while a progress display follows them; Cancel stops the batches not yet sent;
/// at the end a report says what happened to each file. Imports started elsewhere (the
/// desktop app's File menu, another window) show their progress too, without Cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import { importInBatches, type ImportProgress } from '../../common/importBatches.ts';
import type { ImportReport } from '../../common/importOutcome.ts';
import type { ImportResult } from '../../common/types.ts';
import { api, onLibraryEvent } from './api.ts';
import type { PickedFile } from './importableFiles.ts';
import { readPickedFile } from './readPickedFile.ts';

/// Files to import, as a chooser or a drop gathered them.
export interface ImportRequest {
  picked: PickedFile[];
  /// Files in folders passed over (hidden, or another format).
  skipped: number;
  /// Files or folders that could not be read, with why.
  unreadable: ImportResult['failed'];
}

/// An import under way: `cancellable` for the window's own.
export interface ImportUnderWay extends ImportProgress {
  cancellable: boolean;
  cancelling: boolean;
}

export function useImport(onFinished: (report: ImportReport) => void) {
  const [own, setOwn] = useState<ImportUnderWay | null>(null);
  const [elsewhere, setElsewhere] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const running = useRef(false);
  const cancelRequested = useRef(false);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  useEffect(() => onLibraryEvent('importProgress', (progress) => {
    if (!running.current) setElsewhere(progress.done < progress.total ? progress : null);
  }), []);

  const start = useCallback(async ({ picked, skipped, unreadable }: ImportRequest) => {
    if (running.current) return false;
    running.current = true;
    cancelRequested.current = false;
    setReport(null);
    setElsewhere(null);
    try {
      const { result, cancelled } = await importInBatches({
        items: picked,
        nameOf: (item) => item.name,
        sizeOf: (item) => item.file.size,
        read: readPickedFile,
        importFiles: (args) => api.importFiles(args),
        onServiceProgress: (listener) => onLibraryEvent('importProgress', listener),
        onProgress: (progress) => setOwn({ ...progress, cancellable: true, cancelling: cancelRequested.current }),
        cancelled: () => cancelRequested.current,
      });
      result.failed.unshift(...unreadable);
      const done: ImportReport = { result, skipped, cancelled };
      setReport(done);
      finished.current(done);
    } finally {
      running.current = false;
      setOwn(null);
    }
    return true;
  }, []);

  const cancel = useCallback(() => {
    cancelRequested.current = true;
    setOwn((progress) => progress && { ...progress, cancelling: true });
  }, []);

  const underWay: ImportUnderWay | null = own ?? (elsewhere && { ...elsewhere, cancellable: false, cancelling: false });
  return { underWay, report, start, cancel, closeReport: useCallback(() => setReport(null), []) };
}
