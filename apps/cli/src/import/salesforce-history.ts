import { createHash } from 'node:crypto';
import { CliUsageError } from '../data-dir';
import { column, CsvRow } from './read-csv';
import { ParsedExport, RowProblem, SourceDeal, SourceStageEntry } from './source-deal';
import { isIsoCurrency, minorUnitOf } from '@deals/domain';
import { parseSourceAmount, parseSourceDate, toUserId } from './source-values';

export interface SourceDefaults {
  readonly currency: string;
  /** Owner when the export names none. */
  readonly ownerId: string;
}

interface Opportunity {
  readonly id: string;
  readonly rows: CsvRow[];
}

/**
 * A Salesforce stage-history export, in either shape:
 * - OpportunityHistory: one row per change of stage or amount (`OpportunityId, StageName, Amount,
 *   CloseDate, Probability, ExpectedRevenue, ForecastCategory, CreatedDate, CreatedById`, often
 *   `Id`, and Opportunity columns such as `Opportunity.Name`, `Account.Name`, `Owner.Name`);
 * - OpportunityFieldHistory: `OpportunityId, Field, OldValue, NewValue, CreatedDate`, where
 *   `Field` is `created`, `StageName` or `Amount` (other fields are not stage history and are ignored).
 */
export function parseSalesforce(header: readonly string[], rows: readonly CsvRow[], defaults: SourceDefaults): ParsedExport {
  const fieldHistory = header.includes('Field') && header.includes('NewValue');
  const required = fieldHistory ? ['OpportunityId', 'Field', 'NewValue', 'CreatedDate'] : ['OpportunityId', 'StageName', 'CreatedDate'];
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CliUsageError(`not a Salesforce OpportunityHistory or field history export: missing column(s) ${missing.join(', ')}`);
  }
  const problems: RowProblem[] = [];
  const byOpportunity = new Map<string, Opportunity>();
  for (const row of rows) {
    const id = row.cells.OpportunityId;
    if (!id) {
      problems.push({ line: row.line, reason: 'OpportunityId is blank' });
      continue;
    }
    if (/^(true|1)$/i.test(row.cells.IsDeleted ?? '')) {
      problems.push({ line: row.line, reason: 'the history row is deleted (IsDeleted)' });
      continue;
    }
    if (!parseSourceDate(row.cells.CreatedDate)) {
      problems.push({ line: row.line, reason: `CreatedDate "${row.cells.CreatedDate}" is not a date` });
      continue;
    }
    const opportunity = byOpportunity.get(id) ?? { id, rows: [] };
    opportunity.rows.push(row);
    byOpportunity.set(id, opportunity);
  }
  const deals: SourceDeal[] = [];
  for (const opportunity of byOpportunity.values()) {
    opportunity.rows.sort((a, b) => Date.parse(parseSourceDate(a.cells.CreatedDate)!) - Date.parse(parseSourceDate(b.cells.CreatedDate)!) || a.line - b.line);
    const deal = fieldHistory
      ? fromFieldHistory(header, opportunity, defaults, problems)
      : fromOpportunityHistory(header, opportunity, defaults, problems);
    if (deal) deals.push(deal);
  }
  return { deals, problems, rows: rows.length };
}

function fromOpportunityHistory(header: readonly string[], opp: Opportunity, defaults: SourceDefaults, problems: RowProblem[]): SourceDeal | undefined {
  const currency = currencyOf(header, opp, defaults, problems);
  if (currency === undefined) return undefined;
  const entries: SourceStageEntry[] = [];
  for (const row of opp.rows) {
    const stage = row.cells.StageName;
    if (!stage) {
      problems.push({ line: row.line, reason: 'StageName is blank' });
      continue;
    }
    const amountMinor = parseSourceAmount(row.cells.Amount, currency);
    if (Number.isNaN(amountMinor)) {
      problems.push({ line: row.line, reason: `Amount "${row.cells.Amount}" is not an amount in ${currency} (${minorUnitOf(currency)} decimals)` });
      continue;
    }
    entries.push(entryOf(opp.id, row, stage, amountMinor));
  }
  if (entries.length === 0) return undefined;
  const first = opp.rows[0];
  return dealOf(header, opp, defaults, entries, entries.find((e) => e.amountMinor !== undefined)?.amountMinor ?? 0, first);
}

function fromFieldHistory(header: readonly string[], opp: Opportunity, defaults: SourceDefaults, problems: RowProblem[]): SourceDeal | undefined {
  const stageRows = opp.rows.filter((r) => r.cells.Field === 'StageName');
  if (stageRows.length === 0) {
    problems.push({ line: opp.rows[0].line, reason: `opportunity ${opp.id} has no StageName rows: its stage history is unknown` });
    return undefined;
  }
  const currency = currencyOf(header, opp, defaults, problems);
  if (currency === undefined) return undefined;
  const created = opp.rows.find((r) => r.cells.Field === 'created') ?? opp.rows[0];
  let stage = stageRows[0].cells.OldValue || stageRows[0].cells.NewValue;
  let openingAmount: number | undefined;
  const entries: SourceStageEntry[] = [{ ...entryOf(opp.id, created, stage, undefined), key: `${opp.id}:created` }];
  for (const row of opp.rows) {
    if (row.cells.Field === 'StageName') {
      stage = row.cells.NewValue;
      if (!stage) problems.push({ line: row.line, reason: 'NewValue of a StageName change is blank' });
      else entries.push(entryOf(opp.id, row, stage, undefined));
    } else if (row.cells.Field === 'Amount') {
      const amountMinor = parseSourceAmount(row.cells.NewValue, currency);
      if (amountMinor === undefined || Number.isNaN(amountMinor)) {
        problems.push({ line: row.line, reason: `Amount change NewValue "${row.cells.NewValue}" is not an amount` });
        continue;
      }
      openingAmount ??= parseSourceAmount(row.cells.OldValue, currency);
      entries.push(entryOf(opp.id, row, stage, amountMinor));
    }
  }
  const opening = openingAmount !== undefined && !Number.isNaN(openingAmount) ? openingAmount : (parseSourceAmount(created.cells.Amount, currency) ?? 0);
  return dealOf(header, opp, defaults, entries, Number.isNaN(opening) ? 0 : opening, created);
}

/** The opportunity's currency (its column, or the default), when ISO 4217 knows it. */
function currencyOf(header: readonly string[], opp: Opportunity, defaults: SourceDefaults, problems: RowProblem[]): string | undefined {
  const name = column(header, 'CurrencyIsoCode', 'Opportunity.CurrencyIsoCode');
  const currency = (name ? opp.rows.map((r) => r.cells[name]).find((v) => v) : undefined) ?? defaults.currency;
  if (isIsoCurrency(currency)) return currency;
  problems.push({ line: opp.rows[0].line, reason: `opportunity ${opp.id}: currency "${currency}" is not an ISO 4217 currency` });
  return undefined;
}

function entryOf(opportunityId: string, row: CsvRow, stage: string, amountMinor: number | undefined): SourceStageEntry {
  // A row's own Id when exported; else a digest of its cells, stable when the export is re-run.
  const id = row.cells.Id || `${opportunityId}:${createHash('sha256').update(JSON.stringify(row.cells)).digest('hex').slice(0, 16)}`;
  return {
    stage, enteredAt: parseSourceDate(row.cells.CreatedDate)!, line: row.line, key: id, ref: `salesforce:${id}`, cells: row.cells,
    ...(amountMinor === undefined ? {} : { amountMinor }),
  };
}

function dealOf(
  header: readonly string[], opp: Opportunity, defaults: SourceDefaults, entries: SourceStageEntry[], amountMinor: number, first: CsvRow,
): SourceDeal {
  const cell = (...names: string[]) => {
    const name = column(header, ...names);
    return name ? opp.rows.map((r) => r.cells[name]).find((v) => v) : undefined;
  };
  const createdAt = parseSourceDate(cell('Opportunity.CreatedDate')) ?? entries[0].enteredAt;
  const lostReason = cell('Opportunity.Loss_Reason__c', 'Loss Reason', 'Closed Lost Reason');
  return {
    source: 'salesforce',
    sourceId: opp.id,
    name: cell('Opportunity.Name', 'OpportunityName', 'Name') ?? `Salesforce opportunity ${opp.id}`,
    accountName: cell('Account.Name', 'Opportunity.Account.Name', 'AccountName') ?? 'Unknown account (Salesforce)',
    ownerId: toUserId(cell('Owner.Name', 'Opportunity.Owner.Name', 'Owner', 'OwnerName')) ?? toUserId(first.cells.CreatedById) ?? defaults.ownerId,
    currency: cell('CurrencyIsoCode', 'Opportunity.CurrencyIsoCode') ?? defaults.currency,
    amountMinor,
    createdAt,
    line: first.line,
    entries,
    ...(lostReason ? { lostReason } : {}),
  };
}
