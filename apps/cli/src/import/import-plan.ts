import { derivedUuid } from '@deals/command-pipeline';
import { DEFAULT_PIPELINE, DealCommandOf, DealCommandType, Evidence, lastOpenStage, openStages, PipelineDefinition } from '@deals/domain';
import { RowProblem, SourceDeal, SourceStageEntry } from './source-deal';
import { StageMapping } from './stage-mapping';

export interface ImportStep<T extends DealCommandType = DealCommandType> {
  readonly key: string;
  readonly type: T;
  readonly data: DealCommandOf<T>['data'];
  readonly occurredAt: string;
  readonly line: number;
  /** The source row that caused the step (the event's `causationId`). */
  readonly causationId: string;
}

export interface ImportPlan {
  readonly deal: SourceDeal;
  readonly dealId: string;
  /** Every event of one source deal shares it: `<source>:<source id>`. */
  readonly correlationId: string;
  readonly steps: readonly ImportStep[];
  /** Source stage entries that moved the deal or closed it. */
  readonly stageEntries: number;
}

const LABEL = { salesforce: 'Salesforce', hubspot: 'HubSpot' } as const;

/** The deal's id in the engine, derived from the source id: importing the same export again finds the same deal. */
export const importedDealId = (deal: SourceDeal) => derivedUuid('import', deal.source, deal.sourceId);

/**
 * Maps one source deal onto commands for a pipeline version (the default pipeline unless `onto`
 * names one, which the deal then opens on): OpenDeal at the created date,
 * each stage entry as a manager's OverrideStage (the source recorded no buyer evidence, so no
 * exit criterion is met; the reason names the source row), a close as AgreeTerms + CloseWon or
 * CloseLost with the source row as `crm` evidence, and amount changes as ChangeAmount. Entries
 * that cannot be mapped are problems; the rest still import.
 */
export function planImport(deal: SourceDeal, mapping: StageMapping, problems: RowProblem[], onto?: PipelineDefinition): ImportPlan {
  const pipeline = onto ?? DEFAULT_PIPELINE;
  const FIRST_STAGE = openStages(pipeline)[0].id;
  const LAST_OPEN = lastOpenStage(pipeline)!.id;
  const label = LABEL[deal.source];
  const steps: ImportStep[] = [];
  const keyBase = `import:${deal.source}:${deal.sourceId}`;
  const add = <T extends DealCommandType>(entryKey: string, type: T, data: DealCommandOf<T>['data'], at: string, line: number, cause: string) =>
    steps.push({ key: `${keyBase}:${entryKey}:${type}`, type, data, occurredAt: at, line, causationId: cause } as ImportStep);

  const dealId = importedDealId(deal);
  add('open', 'OpenDeal', {
    dealId, name: deal.name, account: { name: deal.accountName }, ownerId: deal.ownerId, currency: deal.currency,
    expectedAmountMinor: deal.amountMinor, team: [{ userId: deal.ownerId, role: 'account-executive' }],
    ...(onto ? { pipeline: { id: onto.id, version: onto.version } } : {}),
  }, deal.createdAt, deal.line, `${deal.source}:${deal.sourceId}`);

  let stage = FIRST_STAGE;
  let status: 'open' | 'won' | 'lost' = 'open';
  let amount = deal.amountMinor;
  let stageEntries = 0;
  for (const entry of deal.entries) {
    const target = mapping.resolve(entry.stage, entry.pipeline);
    const where = `${entry.pipeline ? `"${entry.stage} (${entry.pipeline})"` : `"${entry.stage}"`}`;
    if (target === null) continue;
    if (target === undefined) {
      problems.push({ line: entry.line, reason: `${label} stage ${where} has no mapping onto the pipeline; add it to a --mapping file` });
      continue;
    }
    if (status !== 'open') {
      problems.push({ line: entry.line, reason: `${where} after the deal was closed ${status}: a reopened deal cannot be imported` });
      continue;
    }
    if (Date.parse(entry.enteredAt) < Date.parse(deal.createdAt)) {
      problems.push({ line: entry.line, reason: `${where} entered ${entry.enteredAt}, before the deal was created (${deal.createdAt})` });
      continue;
    }
    const reason = `Imported from ${label}: ${where} entered ${entry.enteredAt} (${entry.ref}, line ${entry.line})`;
    if (entry.amountMinor !== undefined && entry.amountMinor !== amount && target !== 'closed-won') {
      add(entry.key, 'ChangeAmount', { expectedAmountMinor: entry.amountMinor, reason: `Amount changed in ${label} (${entry.ref}, line ${entry.line})` }, entry.enteredAt, entry.line, entry.ref);
      amount = entry.amountMinor;
    }
    if (target === 'closed-won') {
      amount = entry.amountMinor ?? amount;
      if (stage !== LAST_OPEN) add(entry.key, 'OverrideStage', { toStageId: LAST_OPEN, reason: `${reason}; closed won, so first to ${LAST_OPEN}` }, entry.enteredAt, entry.line, entry.ref);
      const evidence = crmEvidence(entry, label);
      const notRecorded = `not recorded in ${label}`;
      add(entry.key, 'AgreeTerms', { priceMinor: amount, paymentTerms: notRecorded, deliveryTimeline: notRecorded, evidence }, entry.enteredAt, entry.line, entry.ref);
      add(entry.key, 'CloseWon', { signedOrder: evidence, amountMinor: amount }, entry.enteredAt, entry.line, entry.ref);
      status = 'won';
    } else if (target === 'closed-lost') {
      add(entry.key, 'CloseLost', { reason: deal.lostReason ?? `Closed Lost in ${label}`, evidence: crmEvidence(entry, label) }, entry.enteredAt, entry.line, entry.ref);
      status = 'lost';
    } else if (target !== stage) {
      add(entry.key, 'OverrideStage', { toStageId: target, reason }, entry.enteredAt, entry.line, entry.ref);
      stage = target;
    } else {
      continue;
    }
    stageEntries++;
  }
  return { deal, dealId, correlationId: `${deal.source}:${deal.sourceId}`, steps, stageEntries };
}

/** The source row as evidence a manager can look up: its reference, and its cells verbatim. */
function crmEvidence(entry: SourceStageEntry, label: string): Evidence {
  return { kind: 'crm', ref: entry.ref, note: `${label} export line ${entry.line}: ${JSON.stringify(entry.cells)}` };
}
