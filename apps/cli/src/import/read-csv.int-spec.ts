import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv } from './read-csv';

describe('readCsv (files as Excel and CRMs write them)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'csv-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a BOM, CRLF line ends, quoted commas, quotes and newlines, with the line each record ends on', () => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, '\uFEFFRecord ID,Deal Name,"Date entered ""Closed Won (Sales Pipeline)"""\r\n' +
      '1,"Acme, Inc.",2025-05-12 09:00\r\n' +
      '2,"The ""big"" one\r\nsecond line",\r\n');
    const { header, rows } = readCsv(file);
    expect(header).toEqual(['Record ID', 'Deal Name', 'Date entered "Closed Won (Sales Pipeline)"']);
    expect(rows).toEqual([
      { line: 2, cells: { 'Record ID': '1', 'Deal Name': 'Acme, Inc.', 'Date entered "Closed Won (Sales Pipeline)"': '2025-05-12 09:00' } },
      { line: 4, cells: { 'Record ID': '2', 'Deal Name': 'The "big" one\nsecond line', 'Date entered "Closed Won (Sales Pipeline)"': '' } },
    ]);
  });

  it('refuses a malformed file as a whole, naming the line, and a missing file', () => {
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'a,b\n1,2\n3,4,5\n');
    expect(() => readCsv(file)).toThrow(/broken\.csv is not a readable CSV: .*line 3/);
    expect(() => readCsv(join(dir, 'missing.csv'))).toThrow(/cannot read .*missing\.csv/);
  });
});
