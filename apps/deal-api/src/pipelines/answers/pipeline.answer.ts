import { PublishedPipelineVersion } from '@deals/projections';
import { PipelineVersionSchema } from './pipeline-definition.schema';

export function presentVersion(version: PublishedPipelineVersion): PipelineVersionSchema {
  const { published } = version;
  return {
    ...published,
    stages: published.stages as unknown as PipelineVersionSchema['stages'],
    postCloseStages: [...published.postCloseStages],
    factTypes: published.factTypes as unknown as PipelineVersionSchema['factTypes'],
    ...(version.publishedBy === undefined ? {} : { publishedBy: version.publishedBy }),
    ...(version.recordedAt === undefined ? {} : { recordedAt: version.recordedAt }),
    position: version.position,
  };
}
