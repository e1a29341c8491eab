import { renameSync, writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

/**
 * Writes rows as RFC 4180 CSV (csv-stringify quotes what needs quoting), header first. Written to
 * a temporary file and renamed, so a reader never sees half a file.
 */
export function writeCsv(path: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): void {
  const text = stringify([...rows].map((r) => [...r]), { header: true, columns: [...columns], cast: { number: String, boolean: String } });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
