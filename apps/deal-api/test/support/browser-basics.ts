import { join } from 'node:path';

// Where the repository is, how long a browser step may wait, and the two page sizes every
// dashboard journey is seen at.

export const ROOT = join(__dirname, '..', '..', '..', '..');
export const WAIT = { timeout: 15_000 };
export const DESK = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
