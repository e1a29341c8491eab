import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CliUsageError } from '../data-dir';

export interface CsvRow {
  /** The line the record ends on (1 is the header), as a person finds it in an editor. */
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * Reads a CSV export with its header row (csv-parse: quoted fields, embedded newlines, a BOM
 * as Excel writes it). A malformed file is refused as a whole, naming the line.
 */
export function readCsv(path: string): { header: string[]; rows: CsvRow[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    // Windows line ends become \n first: csv-parse counts a CRLF inside a quoted cell as two lines.
    const records = parse(text.replace(/\r\n/g, '\n'), { bom: true, columns: true, skip_empty_lines: true, trim: true, info: true }) as {
      record: Record<string, string>; info: { lines: number };
    }[];
    const header = records.length > 0 ? Object.keys(records[0].record) : headerOf(text);
    return { header, rows: records.map((r) => ({ line: r.info.lines, cells: r.record })) };
  } catch (error) {
    throw new CliUsageError(`${path} is not a readable CSV: ${(error as Error).message}`);
  }
}

function headerOf(text: string): string[] {
  const [first] = parse(text, { bom: true, to_line: 1, trim: true }) as string[][];
  return first ?? [];
}

/** The first of `names` the header has (exports label the same field differently). */
export function column(header: readonly string[], ...names: string[]): string | undefined {
  return names.find((n) => header.includes(n));
}
