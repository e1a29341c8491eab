import { days } from './format';
import { Ratio, ratioText } from './kpis-model';

/** A draft in the publish format (`POST /pipelines/:id/versions` body); checked by the API, never published by a what-if. */
export interface DraftDefinition {
  readonly version: number;
  readonly name: string;
  readonly stages: readonly unknown[];
  readonly postCloseStages?: readonly unknown[];
  readonly factTypes?: readonly unknown[];
}

export type WhatIfCandidate = { readonly version: number } | { readonly definition: DraftDefinition };

export interface WhatIfStage {
  readonly stageId: string; readonly stageName: string; readonly entered: number; readonly leftToNext: number;
  readonly conversion: Ratio; readonly days: { count: number; medianDays: number | null; p90Days: number | null };
  readonly stuckAfterDays: number | null; readonly stuck: number;
}

export interface WhatIfMetrics {
  readonly pipelineId: string; readonly version: number; readonly name: string; readonly stages: readonly WhatIfStage[];
  readonly open: number; readonly won: number; readonly lost: number; readonly reversed: number;
  readonly cycle: { count: number; medianDays: number | null };
}

export interface WhatIfAnswer { readonly baseline: WhatIfMetrics; readonly candidate: WhatIfMetrics; readonly deals: number; readonly eventsRead: number }

/** One definition's figures for a stage, as text. */
export interface StageCells {
  readonly entered: string; readonly conversion: string; readonly conversionTitle: string;
  readonly median: string; readonly p90: string; readonly stuck: string;
}

/** A stage row of the comparison: in one definition, the other, or both. */
export interface StageComparison {
  readonly stageId: string;
  readonly label: string;
  readonly baseline?: StageCells;
  readonly candidate?: StageCells;
}

export const whatIfPath = (pipelineId: string) => `/pipelines/${encodeURIComponent(pipelineId)}/what-if`;

export const whatIfBody = (baselineVersion: number, candidate: WhatIfCandidate, window: { from?: string; to?: string } = {}) =>
  ({ baselineVersion, candidate, ...window });

/** What changes the request: the preview asks again only when this does (a draft compared by value). */
export const requestKey = (pipelineId: string, baselineVersion: number, candidate: WhatIfCandidate): string =>
  JSON.stringify([pipelineId, baselineVersion, candidate]);

export const candidateLabel = (candidate: WhatIfCandidate): string =>
  'version' in candidate ? `version ${candidate.version}` : `draft “${candidate.definition.name}”`;

function cells(stage: WhatIfStage): StageCells {
  return {
    entered: `${stage.entered}`,
    conversion: ratioText(stage.conversion),
    conversionTitle: `${stage.leftToNext} of ${stage.entered} moved on`,
    median: stage.days.count ? days(stage.days.medianDays) : '—',
    p90: stage.days.count ? days(stage.days.p90Days) : '—',
    stuck: stage.stuckAfterDays === null ? `${stage.stuck}` : `${stage.stuck} (over ${stage.stuckAfterDays} d)`,
  };
}

/**
 * The stages of both definitions in one list: the candidate's order, each baseline-only stage
 * placed after the stage it follows in the baseline (first when it has none).
 */
export function compareStages(baseline: WhatIfMetrics, candidate: WhatIfMetrics): StageComparison[] {
  const rows: StageComparison[] = candidate.stages.map((s) => ({ stageId: s.stageId, label: s.stageName, candidate: cells(s) }));
  baseline.stages.forEach((s, index) => {
    const at = rows.findIndex((r) => r.stageId === s.stageId);
    if (at >= 0) {
      rows[at] = { ...rows[at], baseline: cells(s) };
      return;
    }
    const after = index === 0 ? -1 : rows.findIndex((r) => r.stageId === baseline.stages[index - 1].stageId);
    rows.splice(after + 1, 0, { stageId: s.stageId, label: s.stageName, baseline: cells(s) });
  });
  return rows;
}

/** Outcomes and cycle of both sides, row by row: [label, baseline, candidate]. */
export function outcomeRows(baseline: WhatIfMetrics, candidate: WhatIfMetrics): [string, string, string][] {
  const cycle = (m: WhatIfMetrics) => (m.cycle.count ? `${days(m.cycle.medianDays)} (${m.cycle.count} won)` : '—');
  return [
    ['Open', `${baseline.open}`, `${candidate.open}`],
    ['Won', `${baseline.won}`, `${candidate.won}`],
    ['Lost', `${baseline.lost}`, `${candidate.lost}`],
    ['Reversed wins', `${baseline.reversed}`, `${candidate.reversed}`],
    ['Median cycle (open → won)', cycle(baseline), cycle(candidate)],
  ];
}

/** The page's choices from its address (`#/what-if?pipeline=default&baseline=1&candidate=2`), within the published versions. */
export function whatIfChoices(query: URLSearchParams, pipelines: readonly { pipelineId: string; latestVersion: number; isDefault?: boolean }[]) {
  const pipeline = pipelines.find((p) => p.pipelineId === query.get('pipeline')) ?? pipelines.find((p) => p.isDefault) ?? pipelines[0];
  if (!pipeline) return undefined;
  const latest = pipeline.latestVersion;
  const version = (name: string, fallback: number) => {
    const v = Number(query.get(name));
    return Number.isInteger(v) && v >= 1 && v <= latest ? v : fallback;
  };
  return { pipelineId: pipeline.pipelineId, latest, baseline: version('baseline', Math.max(1, latest - 1)), candidate: version('candidate', latest) };
}

/** Every problem of a refused draft, as the API lists them (`details.issues`). */
export function draftIssues(details: unknown): string[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? issues.map((i: { path?: string; message?: string }) => `${i.path}: ${i.message}`) : [];
}
