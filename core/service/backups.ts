/// listBackups, backUpNow, restoreBackup: the library's backups (core/backup/) through the
/// contract. A restore has the library to itself (ctx.alone), replaces its file and reopens
/// it for the whole service (ctx.reopen); windows hear `libraryChanged` and load it again.
import { isAbsolute, join } from 'node:path';
import { ExcerptError } from '../../common/errors.ts';
import { backupsFolder, listBackups } from '../backup/backupFiles.ts';
import { restoreLibrary } from '../backup/restore.ts';
import { takeBackup } from '../backup/takeBackup.ts';
import type { Methods, ServiceContext } from './context.ts';

/// listBackups, backUpNow and restoreBackup.
export function backupMethods(ctx: ServiceContext): Methods<'listBackups' | 'backUpNow' | 'restoreBackup'> {
  return {
    listBackups: () => ({ folder: backupsFolder(ctx.db.name), backups: listBackups(ctx.db.name) }),
    backUpNow: ({ reason }) => takeBackup(ctx.db, reason),
    restoreBackup: ({ file }) => {
      const { reopen } = ctx;
      if (reopen === null || ctx.db.memory) {
        throw new ExcerptError('unsupported', 'This library was opened in a way that cannot be replaced; restore it with "excerpt restore FILE" instead.');
      }
      return ctx.alone(async () => {
        const restored = await restoreLibrary(ctx.db, backupPath(ctx.db.name, file), reopen);
        ctx.emit('libraryChanged', { reason: 'restore' });
        return restored;
      });
    },
  };
}

/// A backup's name (in the backups folder), or the full path of a library file.
function backupPath(libraryPath: string, file: string): string {
  if (isAbsolute(file)) return file;
  if (/[\\/]/.test(file) || file === '.' || file === '..') {
    throw new ExcerptError('invalid-argument', `"${file}" is neither the name of a backup nor a full path; give a name as the list of backups shows it, or the whole path of a file.`, 'file');
  }
  return join(backupsFolder(libraryPath), file);
}
