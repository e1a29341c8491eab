import { FactKey } from './fact-key';
import { EvidenceKind } from '../shared/evidence';

export type StagePhase = 'open' | 'won' | 'lost' | 'post-close';

export type FactValue = string | number | boolean;

/** A built-in fact (an event type such as `DemoHeld`) or a custom fact type of the deal's pipeline version. */
export type FactName = FactKey | (string & {});

/**
 * A condition over the facts recorded on a deal. `where` compares the latest data field by field;
 * `has` needs each named attribute present (not blank).
 */
export type FactPredicate =
  | { readonly fact: FactName; readonly where?: Readonly<Record<string, FactValue>>; readonly has?: readonly string[] }
  | { readonly allOf: readonly FactPredicate[] }
  | { readonly anyOf: readonly FactPredicate[] };

/** Required, factual, inspectable, buyer-centric: a thing the buyer did, with evidence. */
export interface ExitCriterion {
  readonly id: string;
  readonly label: string;
  readonly buyerOutcome: string;
  readonly requires: FactPredicate;
}

export interface StageDefinition {
  readonly id: string;
  readonly name: string;
  readonly phase: StagePhase;
  /** Likelihood of winning from this stage, 0..1, for weighted pipeline. */
  readonly probability: number;
  readonly exitCriteria: readonly ExitCriterion[];
  /** A deal that stays longer than this in the stage is reported as stuck. */
  readonly stuckAfterDays?: number;
}

export type AttributeType = 'string' | 'number' | 'boolean' | 'date' | 'url' | 'enum';

/** One attribute of a custom fact type; `values` lists the choices of an enum. */
export interface AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly required: boolean;
  readonly values?: readonly string[];
}

/** A buyer fact sales-ops declare in a pipeline version (e.g. `security-questionnaire-signed`). */
export interface FactTypeDefinition {
  /** kebab-case, distinct from every built-in fact. */
  readonly name: string;
  readonly label: string;
  readonly attributes: readonly AttributeDefinition[];
  /** The evidence kinds a manager can open for it (e.g. `signature`, `document`). */
  readonly evidenceKinds: readonly EvidenceKind[];
}

/**
 * Stages in order: the open stages (the path to the close), one won and one lost stage, then
 * either no post-close stages or exactly three, which the hand-off, implementation start and
 * go-live commands move through in order.
 */
export interface PipelineDefinition {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly stages: readonly StageDefinition[];
  /** Custom buyer fact types; absent when the version declares none. */
  readonly factTypes?: readonly FactTypeDefinition[];
  /** The definitions the version's reports use unless a request names another; absent: the reports' own defaults. */
  readonly reporting?: ReportingDefaults;
}

/** How meetings held are counted: every attended demo, or each deal's first one (docs/kpis.md). */
export const REPORTING_MEETINGS = ['demos-attended', 'first-meetings'] as const;
export type ReportingMeetings = (typeof REPORTING_MEETINGS)[number];

export interface ReportingDefaults {
  readonly meetings?: ReportingMeetings;
}
