/// What the excerpts view's query finds: the first page once the analyst pauses, more pages on
/// request, and again whenever the library changes (`libraryVersion`). Answers that arrive
/// after a newer question are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportFilter } from '../../../common/api.ts';
import { asExcerptError } from '../../../common/client.ts';
import type { FoundExcerpt } from '../../../common/types.ts';
import { api } from '../api.ts';

/// How many excerpts a page shows.
export const PAGE = 100;
/// How long a change to the query must settle before the library is asked.
const SETTLE_MS = 200;

export interface FoundState {
  /// Null until the first answer (and after a refusal).
  total: number | null;
  excerpts: FoundExcerpt[];
  /// Why the library refused the query, in its words.
  problem: string | null;
  loading: boolean;
}

export function useFoundExcerpts(filter: ExportFilter, libraryVersion: number): FoundState & { more: () => void } {
  const [state, setState] = useState<FoundState>({ total: null, excerpts: [], problem: null, loading: true });
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setState((current) => ({ ...current, loading: true }));
    const timer = setTimeout(() => {
      api.findExcerpts({ filter, limit: PAGE }).then(
        (page) => request === latest.current && setState({ total: page.total, excerpts: page.excerpts, problem: null, loading: false }),
        (error: unknown) => request === latest.current && setState({ total: null, excerpts: [], problem: asExcerptError(error).message, loading: false }),
      );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [filter, libraryVersion]);

  const more = useCallback(() => {
    const request = latest.current;
    const offset = state.excerpts.length;
    setState((current) => ({ ...current, loading: true }));
    api.findExcerpts({ filter, offset, limit: PAGE }).then(
      (page) => request === latest.current && setState((current) => ({ ...current, total: page.total, excerpts: [...current.excerpts, ...page.excerpts], loading: false })),
      (error: unknown) => request === latest.current && setState((current) => ({ ...current, problem: asExcerptError(error).message, loading: false })),
    );
  }, [filter, state.excerpts.length]);

  return { ...state, more };
}
