/// Saved excerpt queries: an analyst names a query to run it again; each is listed with how
/// many excerpts it finds in the library now.
import { exportFilter } from '../../common/api.ts';
import { ExcerptError } from '../../common/errors.ts';
import type { SavedQuery } from '../../common/types.ts';
import { selectExcerpts } from '../export/selectExcerpts.ts';
import { textsOnce } from '../export/textsOnce.ts';
import type { SavedQueryRow } from '../store/savedQueries.ts';
import type { Methods, ServiceContext } from './context.ts';

/// listSavedQueries, saveQuery, deleteSavedQuery.
export function savedQueryMethods(ctx: ServiceContext): Methods<'listSavedQueries' | 'saveQuery' | 'deleteSavedQuery'> {

  /// The query as the analyst sees it, counted now.
  const counted = (row: SavedQueryRow): SavedQuery => {
    const filter = exportFilter.parse(JSON.parse(row.filter));
    try {
      return { id: row.id, name: row.name, filter, savedAt: row.savedAt, count: selectExcerpts(ctx, filter, textsOnce(ctx.documents)).length, problem: null };
    } catch (error) {
      // A tag it names was deleted or renamed since: the query finds nothing until it is saved again.
      if (!(error instanceof ExcerptError) || error.code !== 'not-found') throw error;
      return { id: row.id, name: row.name, filter, savedAt: row.savedAt, count: 0, problem: error.message };
    }
  };

  return {
    listSavedQueries: () => ctx.db.transaction(() => ctx.savedQueries.list().map(counted))(),
    saveQuery: ({ name, filter }) => ctx.write('update', () => {
      // A query naming a tag the codebook lacks is refused now, not found empty later.
      selectExcerpts(ctx, filter, textsOnce(ctx.documents));
      const id = ctx.savedQueries.save(name, JSON.stringify(filter), ctx.now());
      return counted(ctx.savedQueries.list().find((row) => row.id === id)!);
    }),
    deleteSavedQuery: ({ id }) => ctx.write('update', () => {
      if (!ctx.savedQueries.delete(id)) throw new ExcerptError('not-found', `Saved query ${id} is not there (it may have been deleted). Reload the list of saved queries.`, 'id');
      return { id };
    }),
  };
}
