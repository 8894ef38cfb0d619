/// Saved queries beside the excerpts view: each with how many excerpts it finds now (and why
/// none, when a tag it names has gone); choosing one runs it. The query on screen can be saved
/// under a name, replacing a query of the same name.
import { useCallback, useEffect, useId, useState } from 'react';
import type { ExportFilter } from '../../../common/api.ts';
import { asExcerptError } from '../../../common/client.ts';
import type { SavedQuery } from '../../../common/types.ts';
import { api } from '../api.ts';
import { sameFilter } from './sameFilter.ts';

interface SavedQueriesProps {
  /// The query on screen.
  filter: ExportFilter;
  /// Changes whenever the library does, so the counts follow.
  libraryVersion: number;
  onRun: (filter: ExportFilter) => void;
  onError: (error: unknown) => void;
}

export function SavedQueries({ filter, libraryVersion, onRun, onError }: SavedQueriesProps) {
  const id = useId();
  const [queries, setQueries] = useState<SavedQuery[] | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(() => api.listSavedQueries({}).then(setQueries, onError), [onError]);
  useEffect(() => void refresh(), [refresh, libraryVersion]);

  const replaces = queries?.find((q) => q.name.localeCompare(name.trim(), undefined, { sensitivity: 'accent' }) === 0);
  const save = async () => {
    try {
      await api.saveQuery({ name, filter });
      setName('');
      setProblem(null);
      await refresh();
    } catch (error) {
      setProblem(asExcerptError(error).message);
    }
  };
  const remove = async (query: SavedQuery) => {
    try {
      await api.deleteSavedQuery({ id: query.id });
      await refresh();
    } catch (error) {
      onError(error);
    }
  };

  return (
    <aside className="saved-queries" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="saved-queries-heading">Saved queries</h3>
      {queries?.length === 0 && <p className="empty-note">None yet. Build a query, name it below and save it to run it again.</p>}
      <ul className="saved-query-list">
        {queries?.map((query) => (
          <li key={query.id} className="saved-query">
            <button
              type="button"
              className="saved-query-run"
              aria-current={sameFilter(query.filter, filter) ? 'true' : undefined}
              title={query.problem ?? 'Run this query'}
              onClick={() => onRun(query.filter)}
            >
              <span className="saved-query-name">{query.name}</span>
              <span className="saved-query-count">
                {query.count.toLocaleString('en')}
                <span className="visually-hidden"> excerpt{query.count === 1 ? '' : 's'}</span>
              </span>
            </button>
            <button type="button" className="quiet-button saved-query-delete" aria-label={`Delete the saved query “${query.name}”`} onClick={() => void remove(query)}>
              ×
            </button>
            {query.problem && <p className="saved-query-problem">{query.problem}</p>}
          </li>
        ))}
      </ul>
      <form
        className="saved-query-save"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor={`${id}-name`} className="excerpt-query-label">Save this query as</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={200}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
        />
        <button type="submit" className="import-button" disabled={name.trim() === ''}>
          {replaces ? 'Replace' : 'Save'}
        </button>
        {problem && <p id={`${id}-problem`} className="field-error" role="alert">{problem}</p>}
      </form>
    </aside>
  );
}
