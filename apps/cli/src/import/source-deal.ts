export type ImportSource = 'salesforce' | 'hubspot';

/** One stage the source system says the deal entered, and when, with the row that says so. */
export interface SourceStageEntry {
  /** The stage as the source names it, e.g. "Needs Analysis" or "Contract Sent". */
  readonly stage: string;
  /** The source's pipeline, when it has several (HubSpot). */
  readonly pipeline?: string;
  readonly enteredAt: string;
  /** The deal amount the source recorded with this entry (Salesforce history rows carry one). */
  readonly amountMinor?: number;
  /** CSV line number, for problems and the evidence note. */
  readonly line: number;
  /** Stable within the source: a history row id, or the column it came from. */
  readonly key: string;
  /** Where a person can check it: `salesforce:<OpportunityHistory Id>`, `hubspot:<Record ID>:<column>`. */
  readonly ref: string;
  /** The source cells this entry was read from, kept verbatim in the evidence note. */
  readonly cells: Readonly<Record<string, string>>;
}

/** A deal (opportunity) as read from an export, before mapping onto the engine's pipeline. */
export interface SourceDeal {
  readonly source: ImportSource;
  readonly sourceId: string;
  readonly name: string;
  readonly accountName: string;
  readonly ownerId: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly createdAt: string;
  readonly line: number;
  /** Oldest first. */
  readonly entries: readonly SourceStageEntry[];
  readonly lostReason?: string;
}

/** A row (or cell) that could not be used, and why; the import goes on without it. */
export interface RowProblem {
  readonly line: number;
  readonly reason: string;
}

export interface ParsedExport {
  readonly deals: readonly SourceDeal[];
  readonly problems: readonly RowProblem[];
  readonly rows: number;
}
