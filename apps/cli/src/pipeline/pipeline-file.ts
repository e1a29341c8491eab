import { readFileSync } from 'node:fs';
import { FactPredicate, PipelineVersionCommand, PipelineVersionData } from '@deals/domain';
import { CliUsageError } from '../data-dir';

/** A definition file: the publish format (docs/pipelines.md) with the pipeline's id first. */
export type PipelineFile = PipelineVersionCommand['data'];

const stuck = (days: number | undefined) => (days === undefined ? {} : { stuckAfterDays: days });

function predicate(p: FactPredicate): FactPredicate {
  if ('allOf' in p) return { allOf: p.allOf.map(predicate) };
  if ('anyOf' in p) return { anyOf: p.anyOf.map(predicate) };
  return { fact: p.fact, ...(p.where === undefined ? {} : { where: p.where }), ...(p.has === undefined ? {} : { has: p.has }) };
}

/** The version with its keys in one fixed order, so two exports of the same definition are the same text. */
export function inFileOrder(v: PipelineVersionData): PipelineFile {
  return {
    pipelineId: v.pipelineId, version: v.version, name: v.name,
    stages: v.stages.map((s) => ({
      id: s.id, name: s.name, probability: s.probability, ...stuck(s.stuckAfterDays),
      exitCriteria: s.exitCriteria.map((c) => ({ id: c.id, label: c.label, buyerOutcome: c.buyerOutcome, requires: predicate(c.requires) })),
    })),
    postCloseStages: v.postCloseStages.map((s) => ({ id: s.id, name: s.name, ...stuck(s.stuckAfterDays) })),
    factTypes: v.factTypes.map((f) => ({
      name: f.name, label: f.label,
      attributes: f.attributes.map((a) => ({ name: a.name, type: a.type, required: a.required, ...(a.values === undefined ? {} : { values: a.values }) })),
      evidenceKinds: f.evidenceKinds,
    })),
  };
}

export const fileText = (v: PipelineVersionData): string => `${JSON.stringify(inFileOrder(v), null, 2)}\n`;

/** Reads a definition file; its shape beyond being a JSON object is the domain's to judge (every problem at once). */
export function readPipelineFile(path: string): PipelineFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliUsageError(`cannot read the pipeline file ${path}: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CliUsageError(`the pipeline file ${path} must hold one JSON object`);
  return parsed as PipelineFile;
}
