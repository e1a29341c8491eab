import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { preparePrivateDatabaseFile } from './private-files';

export interface BackupProgress {
  readonly totalPages: number;
  readonly copiedPages: number;
}

/**
 * Copies the SQLite database at `source` to `destination` (created 0600) with SQLite's online
 * backup, while other processes go on writing to it. The copy is one consistent moment of the
 * source: a commit by another connection between two steps restarts the copy, so each restart
 * copies more pages per step; at worst one step copies everything under one read transaction
 * (WAL: writers are not blocked). Every commit made before the call is in the copy. The copy is
 * written beside `destination` and renamed to it once complete, so a failed backup leaves no file
 * that looks like one.
 */
export async function backupSqliteFile(source: string, destination: string, onProgress?: (p: BackupProgress) => void): Promise<BackupProgress> {
  if (!existsSync(source)) throw new Error(`There is no database at ${source}`);
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  preparePrivateDatabaseFile(partial);
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    let rate = 256;
    let lastRemaining = Infinity;
    const done = await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        // More left than last time: another connection committed and the copy started again.
        if (remainingPages > lastRemaining) rate = Math.min(rate * 4, totalPages);
        lastRemaining = remainingPages;
        onProgress?.({ totalPages, copiedPages: totalPages - remainingPages });
        return rate;
      },
    });
    renameSync(partial, destination);
    const result = { totalPages: done.totalPages, copiedPages: done.totalPages };
    onProgress?.(result);
    return result;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
