export const PIPELINE_CATEGORY = 'pipeline';

/** One stream per pipeline: its versions, in order. */
export const pipelineStreamId = (pipelineId: string): string => `${PIPELINE_CATEGORY}-${pipelineId}`;

/** Pipeline ids: letters, digits, `.`, `_`, `-` (they name a stream). */
export const PIPELINE_ID = /^[A-Za-z0-9._-]{1,100}$/;
