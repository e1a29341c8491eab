import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Owner read and write only: events, read models and the token secret are nobody else's business. */
export const PRIVATE_FILE_MODE = 0o600;
/** Owner only: others may not even list the folder. */
export const PRIVATE_DIR_MODE = 0o700;

/** SQLite names that are not files of their own: in-memory, temporary and URI databases. */
const isPlainPath = (path: string) => path !== '' && path !== ':memory:' && !path.startsWith('file:');

/**
 * Creates the data folder owner-only, or tightens it and every file directly in it when they
 * already exist with looser modes (a store from before, a copied backup). A shared folder with
 * the sticky bit (such as /tmp) is not a data folder and is left as it is.
 */
export function preparePrivateDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const folder = statSync(dir);
  if (folder.mode & 0o1000) return;
  if ((folder.mode & 0o777) !== PRIVATE_DIR_MODE) chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) tighten(join(dir, entry.name));
  }
}

/**
 * Before SQLite opens `path`: creates the file owner-only if it is missing, and tightens it and
 * its -wal and -shm files if they exist. SQLite creates -wal and -shm with the mode of the
 * database file, so they stay private from then on.
 */
export function preparePrivateDatabaseFile(path: string): void {
  if (!isPlainPath(path)) return;
  if (!existsSync(path)) {
    try {
      closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
    } catch (error) {
      // Another process made it meanwhile: tighten below. Otherwise (a missing folder, no right to
      // create) SQLite says why it cannot open the path.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return;
    }
  } else if (!statSync(path).isFile()) {
    return; // a folder or a device: left for SQLite to refuse.
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) tighten(file);
  }
}

function tighten(file: string): void {
  if ((statSync(file).mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(file, PRIVATE_FILE_MODE);
}
