/// Export of the tagged excerpts as a file (CSV or JSON), read in one consistent snapshot.
import { exportFile } from '../export/index.ts';
import { readExportSnapshot } from '../export/excerpts.ts';
import type { Methods, ServiceContext } from './context.ts';

/// exportExcerpts.
export function exportMethods(ctx: ServiceContext): Methods<'exportExcerpts'> {
  return {
    exportExcerpts: ({ filter, format }) => exportFile(ctx.db.transaction(() => readExportSnapshot(ctx, filter))(), format),
  };
}
