import { readFileSync } from 'node:fs';
import { DEFAULT_PIPELINE, openStages, PipelineDefinition } from '@deals/domain';
import { CliUsageError } from '../data-dir';
import { ImportSource } from './source-deal';

/** An open stage of the default pipeline, the won or lost close, or null: ignore entries into this source stage. */
export type MappedStage = string | 'closed-won' | 'closed-lost' | null;

/** The source systems' standard stages onto the default pipeline (docs/cli.md explains each choice). */
export const DEFAULT_STAGE_MAPPING: Readonly<Record<ImportSource, Readonly<Record<string, MappedStage>>>> = {
  salesforce: {
    'Prospecting': 'engaged',
    'Qualification': 'qualified',
    'Needs Analysis': 'qualified',
    'Value Proposition': 'product-evaluated',
    'Id. Decision Makers': 'product-evaluated',
    'Perception Analysis': 'product-evaluated',
    'Proposal/Price Quote': 'proposal-reviewed',
    'Negotiation/Review': 'terms-agreed',
    'Closed Won': 'closed-won',
    'Closed Lost': 'closed-lost',
  },
  hubspot: {
    'Appointment Scheduled': 'engaged',
    'Qualified To Buy': 'qualified',
    'Presentation Scheduled': 'product-evaluated',
    'Decision Maker Bought-In': 'proposal-reviewed',
    'Contract Sent': 'terms-agreed',
    'Closed Won': 'closed-won',
    'Closed Lost': 'closed-lost',
  },
};

export interface StageMapping {
  /** undefined: no mapping (a problem); null: deliberately ignored. */
  resolve(stage: string, pipeline?: string): MappedStage | undefined;
}

const key = (s: string) => s.trim().toLowerCase();

/**
 * The default table for the source, overridden entry by entry by `overrides` (a JSON file's
 * `stages` object). Names match case-insensitively; "Stage (Pipeline)" beats plain "Stage".
 * Onto another pipeline (version), the default table keeps only the entries whose stage it has.
 */
export function stageMapping(
  source: ImportSource, overrides: Readonly<Record<string, MappedStage>> = {}, pipeline: PipelineDefinition = DEFAULT_PIPELINE,
): StageMapping {
  const targets = new Set([...openStages(pipeline).map((s) => s.id), 'closed-won', 'closed-lost']);
  const table = new Map<string, MappedStage>();
  const defaults = Object.entries(DEFAULT_STAGE_MAPPING[source]).filter(([, target]) => target === null || targets.has(target));
  for (const [stage, target] of Object.entries({ ...Object.fromEntries(defaults), ...overrides })) {
    if (target !== null && !targets.has(target)) {
      throw new CliUsageError(`mapping "${stage}" → "${target}": the target must be one of ${[...targets].join(', ')} or null`);
    }
    table.set(key(stage), target);
  }
  return {
    resolve(stage, pipeline) {
      const qualified = pipeline ? table.get(key(`${stage} (${pipeline})`)) : undefined;
      return qualified !== undefined ? qualified : table.get(key(stage));
    },
  };
}

/** `--map "<source stage>=<stage id>"` (an empty stage id ignores the source stage): the last `=` splits. */
export function parseMapFlag(text: string, previous: Record<string, MappedStage> = {}): Record<string, MappedStage> {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new CliUsageError(`--map must be "<source stage>=<stage id>", got "${text}"`);
  const target = text.slice(at + 1).trim();
  return { ...previous, [text.slice(0, at).trim()]: target === '' ? null : target };
}

/** Reads `{ "stages": { "<source stage>": "<engine stage>" | "closed-won" | "closed-lost" | null } }`. */
export function readMappingFile(path: string): Record<string, MappedStage> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliUsageError(`cannot read the mapping file ${path}: ${(error as Error).message}`);
  }
  const stages = (parsed as { stages?: unknown })?.stages;
  if (typeof stages !== 'object' || stages === null || Array.isArray(stages)) {
    throw new CliUsageError(`the mapping file ${path} must hold {"stages": {"<source stage>": "<engine stage>", …}}`);
  }
  for (const [stage, target] of Object.entries(stages)) {
    if (target !== null && typeof target !== 'string') throw new CliUsageError(`mapping "${stage}" must be a stage id or null`);
  }
  return stages as Record<string, MappedStage>;
}
