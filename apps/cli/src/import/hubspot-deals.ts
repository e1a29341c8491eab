import { CliUsageError } from '../data-dir';
import { column, CsvRow } from './read-csv';
import { ParsedExport, RowProblem, SourceDeal, SourceStageEntry } from './source-deal';
import { isIsoCurrency, minorUnitOf } from '@deals/domain';
import { parseSourceAmount, parseSourceDate, toUserId } from './source-values';
import { SourceDefaults } from './salesforce-history';

/** `Date entered "Contract Sent (Sales Pipeline)"`: the stage, and the pipeline in brackets. */
const DATE_ENTERED = /^Date entered "(.+?)(?: \(([^()]+)\))?"$/;

/**
 * A HubSpot deals export (`Record ID, Deal Name, Deal Stage, Amount, Close Date, Create Date,
 * Deal owner, Pipeline` and one `Date entered "<stage> (<pipeline>)"` column per stage). One row
 * is one deal; each filled "Date entered" cell is one stage entry. HubSpot keeps only the latest
 * entry into each stage, so a deal that went back and forth shows its last pass only.
 */
export function parseHubspot(header: readonly string[], rows: readonly CsvRow[], defaults: SourceDefaults): ParsedExport {
  const stageColumns = header.flatMap((name, order) => {
    const m = DATE_ENTERED.exec(name);
    return m ? [{ name, stage: m[1], pipeline: m[2], order }] : [];
  });
  const missing = ['Record ID', 'Create Date'].filter((c) => !header.includes(c));
  if (missing.length > 0 || stageColumns.length === 0) {
    throw new CliUsageError(
      `not a HubSpot deals export: ${missing.length ? `missing column(s) ${missing.join(', ')}` : 'no \'Date entered "<stage> (<pipeline>)"\' columns'}`,
    );
  }
  const cellOf = (row: CsvRow, ...names: string[]) => {
    const name = column(header, ...names);
    return name ? row.cells[name] || undefined : undefined;
  };
  const problems: RowProblem[] = [];
  const deals: SourceDeal[] = [];
  for (const row of rows) {
    const recordId = row.cells['Record ID'];
    if (!recordId) {
      problems.push({ line: row.line, reason: 'Record ID is blank' });
      continue;
    }
    const createdAt = parseSourceDate(row.cells['Create Date']);
    if (!createdAt) {
      problems.push({ line: row.line, reason: `Create Date "${row.cells['Create Date']}" is not a date` });
      continue;
    }
    const currency = cellOf(row, 'Currency', 'Deal currency code') ?? defaults.currency;
    if (!isIsoCurrency(currency)) {
      problems.push({ line: row.line, reason: `Currency "${currency}" is not an ISO 4217 currency` });
      continue;
    }
    const amountMinor = parseSourceAmount(row.cells.Amount, currency);
    if (Number.isNaN(amountMinor)) {
      problems.push({ line: row.line, reason: `Amount "${row.cells.Amount}" is not an amount in ${currency} (${minorUnitOf(currency)} decimals)` });
      continue;
    }
    const pipeline = cellOf(row, 'Pipeline');
    const entries: (SourceStageEntry & { order: number })[] = [];
    for (const c of stageColumns) {
      const value = row.cells[c.name];
      if (!value || (pipeline && c.pipeline && c.pipeline !== pipeline)) continue;
      const enteredAt = parseSourceDate(value);
      if (!enteredAt) {
        problems.push({ line: row.line, reason: `${c.name}: "${value}" is not a date` });
        continue;
      }
      entries.push({
        stage: c.stage, ...(c.pipeline ? { pipeline: c.pipeline } : {}), enteredAt, line: row.line, key: c.name,
        ref: `hubspot:${recordId}:${c.name}`, order: c.order,
        cells: { 'Record ID': recordId, 'Deal Name': row.cells['Deal Name'] ?? '', ...(pipeline ? { Pipeline: pipeline } : {}), [c.name]: value },
      });
    }
    if (entries.length === 0) {
      problems.push({ line: row.line, reason: `deal ${recordId} has no "Date entered" value${pipeline ? ` for pipeline "${pipeline}"` : ''}` });
      continue;
    }
    // Same instant: the pipeline's own column order says which stage came first.
    entries.sort((a, b) => Date.parse(a.enteredAt) - Date.parse(b.enteredAt) || a.order - b.order);
    const lostReason = cellOf(row, 'Closed Lost Reason');
    deals.push({
      source: 'hubspot',
      sourceId: recordId,
      name: cellOf(row, 'Deal Name') ?? `HubSpot deal ${recordId}`,
      accountName: cellOf(row, 'Associated Company', 'Associated Company (Primary)', 'Company name', 'Company') ?? 'Unknown account (HubSpot)',
      ownerId: toUserId(cellOf(row, 'Deal owner', 'Deal Owner', 'HubSpot Owner')) ?? defaults.ownerId,
      currency,
      amountMinor: amountMinor ?? 0,
      createdAt,
      line: row.line,
      entries: entries.map(({ order: _order, ...entry }) => entry),
      ...(lostReason ? { lostReason } : {}),
    });
  }
  return { deals, problems, rows: rows.length };
}
