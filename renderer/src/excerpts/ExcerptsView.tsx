/// The excerpts view: the tagged statements of the whole library that a query asks for, in
/// place of the open document. The query is built above the results, saved queries stand
/// beside them, and what was found can be exported as it stands.
import { useEffect, useState } from 'react';
import type { ExportFilter } from '../../../common/api.ts';
import type { DocumentSource, FoundExcerpt, Tag } from '../../../common/types.ts';
import { ExcerptQueryForm } from './ExcerptQueryForm.tsx';
import { ExcerptResults } from './ExcerptResults.tsx';
import { SavedQueries } from './SavedQueries.tsx';
import { useFoundExcerpts } from './useFoundExcerpts.ts';

interface ExcerptsViewProps {
  /// Whether it stands on screen: it asks the library again only then.
  shown: boolean;
  tags: readonly Tag[];
  sources: readonly DocumentSource[];
  /// Changes whenever the library does: the results and counts are asked for again.
  libraryVersion: number;
  onOpen: (excerpt: FoundExcerpt) => void;
  /// Export what the query finds (`total` excerpts).
  onExport: (filter: ExportFilter, total: number) => void;
  onClose: () => void;
  onError: (error: unknown) => void;
}

export function ExcerptsView({ shown, tags, sources, libraryVersion, onOpen, onExport, onClose, onError }: ExcerptsViewProps) {
  const [filter, setFilter] = useState<ExportFilter>({});
  // The library as of the last time the view was on screen: changes made while it was hidden
  // are caught up with when it shows again, not one by one while the analyst codes.
  const [seenVersion, setSeenVersion] = useState(libraryVersion);
  useEffect(() => {
    if (shown) setSeenVersion(libraryVersion);
  }, [shown, libraryVersion]);
  const found = useFoundExcerpts(filter, seenVersion);

  return (
    <section className="excerpts-view" aria-labelledby="excerpts-heading">
      <header className="excerpts-header">
        <h2 id="excerpts-heading" className="column-heading">Excerpts</h2>
        <button type="button" className="import-button" disabled={!found.total} onClick={() => onExport(filter, found.total ?? 0)}>
          Export these…
        </button>
        <button type="button" className="quiet-button" onClick={onClose}>
          Back to the document
        </button>
      </header>
      <div className="excerpts-body">
        <div className="excerpts-main">
          <ExcerptQueryForm filter={filter} tags={tags} sources={sources} onChange={setFilter} />
          <ExcerptResults found={found} tags={tags} onOpen={onOpen} onMore={found.more} />
        </div>
        <SavedQueries filter={filter} libraryVersion={seenVersion} onRun={setFilter} onError={onError} />
      </div>
    </section>
  );
}
