/// The excerpts view's question, built field by field: tags (any or all of them, sub-tags
/// included unless unticked), tags to leave out, a tag whose highlights must share the text,
/// words in the excerpt, a date range and a source. Every change asks the library again.
import { useId, useMemo } from 'react';
import type { ExportFilter } from '../../../common/api.ts';
import type { DocumentSource, Tag } from '../../../common/types.ts';
import { codebookTree } from '../codebook.ts';
import { TagListField } from './TagListField.tsx';

interface ExcerptQueryFormProps {
  filter: ExportFilter;
  tags: readonly Tag[];
  sources: readonly DocumentSource[];
  onChange: (filter: ExportFilter) => void;
}

export function ExcerptQueryForm({ filter, tags, sources, onChange }: ExcerptQueryFormProps) {
  const id = useId();
  const entries = useMemo(() => codebookTree(tags), [tags]);
  // An empty field is no condition: it leaves the filter rather than standing in it as ''.
  const set = (changes: Partial<ExportFilter>) => {
    const next: Record<string, unknown> = { ...filter, ...changes };
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0)) delete next[key];
    }
    onChange(next as ExportFilter);
  };
  const orNothing = (value: string) => (value === '' ? undefined : value);

  return (
    <form className="excerpt-query" role="search" aria-label="Which excerpts" onSubmit={(event) => event.preventDefault()}>
      <div className="excerpt-query-tags">
        <TagListField label="Tagged" names={filter.tags ?? []} entries={entries} onChange={(names) => set({ tags: names })} />
        <fieldset className="excerpt-query-match">
          <legend className="visually-hidden">How the tags combine</legend>
          <label>
            <input type="radio" name={`${id}-match`} checked={!filter.allTags} onChange={() => set({ allTags: undefined })} /> any of them
          </label>
          <label>
            <input type="radio" name={`${id}-match`} checked={filter.allTags === true} onChange={() => set({ allTags: true })} /> all of them
          </label>
          <label>
            <input type="checkbox" checked={!filter.withoutSubtags} onChange={(event) => set({ withoutSubtags: event.target.checked ? undefined : true })} /> with their sub-tags
          </label>
        </fieldset>
        <TagListField label="Not tagged" names={filter.notTags ?? []} entries={entries} onChange={(names) => set({ notTags: names })} />
      </div>
      <div className="excerpt-query-row">
        <label className="excerpt-query-field">
          <span className="excerpt-query-label">Shares its text with</span>
          <select
            value={filter.cooccurs?.tag ?? ''}
            onChange={(event) => set({ cooccurs: event.target.value === '' ? undefined : { tag: event.target.value, within: filter.cooccurs?.within ?? 'overlap' } })}
          >
            <option value="">no other tag needed</option>
            {entries.map((entry) => (
              <option key={entry.tag.id} value={entry.tag.name}>{entry.path}</option>
            ))}
          </select>
        </label>
        <label className="excerpt-query-field">
          <span className="excerpt-query-label">Where</span>
          <select
            disabled={!filter.cooccurs}
            value={filter.cooccurs?.within ?? 'overlap'}
            onChange={(event) => filter.cooccurs && set({ cooccurs: { tag: filter.cooccurs.tag, within: event.target.value === 'paragraph' ? 'paragraph' : 'overlap' } })}
          >
            <option value="overlap">its highlight overlaps</option>
            <option value="paragraph">in the same paragraph</option>
          </select>
        </label>
        <label className="excerpt-query-field excerpt-query-words">
          <span className="excerpt-query-label">Words in the excerpt</span>
          <input type="search" value={filter.search ?? ''} onChange={(event) => set({ search: orNothing(event.target.value) })} />
        </label>
      </div>
      <div className="excerpt-query-row">
        <label className="excerpt-query-field">
          <span className="excerpt-query-label">Published from</span>
          <input type="date" value={filter.from ?? ''} max={filter.to} onChange={(event) => set({ from: orNothing(event.target.value) })} />
        </label>
        <label className="excerpt-query-field">
          <span className="excerpt-query-label">to</span>
          <input type="date" value={filter.to ?? ''} min={filter.from} onChange={(event) => set({ to: orNothing(event.target.value) })} />
        </label>
        <label className="excerpt-query-field">
          <span className="excerpt-query-label">Source</span>
          <select value={filter.source ?? ''} onChange={(event) => set({ source: orNothing(event.target.value) })}>
            <option value="">All sources</option>
            {filter.source !== undefined && !sources.some((s) => s.source === filter.source) && <option value={filter.source}>{filter.source}</option>}
            {sources.map((s) => (
              <option key={s.source} value={s.source}>{s.source} ({s.count})</option>
            ))}
          </select>
        </label>
        <button type="button" className="quiet-button" disabled={Object.keys(filter).length === 0} onClick={() => onChange({})}>
          Clear
        </button>
      </div>
    </form>
  );
}
