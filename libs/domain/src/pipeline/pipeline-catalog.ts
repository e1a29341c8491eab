import { DEFAULT_PIPELINE } from './default-pipeline';
import { PipelineDefinition } from './pipeline-definition';
import { PipelineErrors } from './pipeline.errors';
import { validatePipeline } from './validate-pipeline';

/** The versioned pipeline definitions a deal may follow. Deals keep the version they opened with. */
export interface PipelineCatalog {
  get(id: string, version: number): PipelineDefinition | undefined;
  latest(id: string): PipelineDefinition | undefined;
  readonly default: PipelineDefinition;
  list(): readonly PipelineDefinition[];
}

/**
 * Builds a catalog, refusing invalid or duplicate definitions (PIPELINE.INVALID / DUPLICATE).
 * The default is the latest version of `defaultId`, or of the first definition given.
 */
export function createPipelineCatalog(definitions: readonly PipelineDefinition[], defaultId?: string): PipelineCatalog {
  const byKey = new Map<string, PipelineDefinition>();
  for (const definition of definitions) {
    const issues = validatePipeline(definition);
    if (issues.length > 0) throw PipelineErrors.invalid(definition.id, definition.version, issues);
    const key = `${definition.id}@${definition.version}`;
    if (byKey.has(key)) throw PipelineErrors.duplicate(definition.id, definition.version);
    byKey.set(key, definition);
  }
  const all = [...byKey.values()];
  const latest = (id: string) =>
    all.filter((definition) => definition.id === id).sort((a, b) => b.version - a.version)[0];
  const chosenId = defaultId ?? all[0]?.id;
  const fallback = chosenId === undefined ? undefined : latest(chosenId);
  if (!fallback) throw PipelineErrors.unknown(chosenId ?? '(none)');
  return {
    get: (id, version) => byKey.get(`${id}@${version}`),
    latest,
    default: fallback,
    list: () => all,
  };
}

export const defaultPipelineCatalog: PipelineCatalog = createPipelineCatalog([DEFAULT_PIPELINE]);
