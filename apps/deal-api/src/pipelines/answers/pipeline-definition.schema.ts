import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ATTRIBUTE_TYPES, AttributeType, EVIDENCE_KINDS, EvidenceKind, REPORTING_MEETINGS, ReportingMeetings } from '@deals/domain';

/**
 * The pipeline format (docs/pipelines.md) as OpenAPI, in a version to publish and in an answer
 * alike. `validatePipelineDefinition` in the domain, not the validation pipe, refuses a version
 * (400 `PIPELINE.INVALID`, every problem by path).
 */
@ApiSchema({ name: 'PipelineExitCriterion', description: 'Required, factual, inspectable, buyer-centric: a predicate over the facts recorded on the deal.' })
export class PipelineExitCriterionSchema {
  @ApiProperty({ minLength: 1, example: 'security-questionnaire-signed' }) id!: string;
  @ApiProperty({ minLength: 1, example: 'Security questionnaire signed by the buyer' }) label!: string;
  @ApiProperty({ minLength: 1, example: 'The buyer\'s security team signed off our questionnaire' }) buyerOutcome!: string;
  @ApiProperty({
    type: 'object', additionalProperties: true,
    description: '`{fact, where?, has?}` (a built-in fact such as `DemoHeld`, or a fact type of this version; `where` compares attributes, `has` needs them present), `{allOf: [...]}` or `{anyOf: [...]}`.',
    example: { fact: 'security-questionnaire-signed', has: ['signedBy'] },
  })
  requires!: Record<string, unknown>;
}

@ApiSchema({ name: 'PipelineStage', description: 'An open stage, on the path to the close, in order.' })
export class PipelineStageSchema {
  @ApiProperty({ minLength: 1, example: 'security-review-passed', description: 'Unique; `closed-won` and `closed-lost` are reserved.' }) id!: string;
  @ApiProperty({ minLength: 1, example: 'Security review passed' }) name!: string;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.3, description: 'Win probability; greater than the previous open stage\'s.' }) probability!: number;
  @ApiPropertyOptional({ minimum: 1, example: 21, description: 'A deal longer than this in the stage is stuck.' }) stuckAfterDays?: number;
  @ApiProperty({ type: [PipelineExitCriterionSchema] }) exitCriteria!: PipelineExitCriterionSchema[];
}

@ApiSchema({ name: 'PipelinePostCloseStage', description: 'A step after the win: none, or exactly three (handed to implementation, implementation in progress, live).' })
export class PipelinePostCloseStageSchema {
  @ApiProperty({ minLength: 1, example: 'handed-to-implementation' }) id!: string;
  @ApiProperty({ minLength: 1, example: 'Handed to implementation' }) name!: string;
  @ApiPropertyOptional({ minimum: 1, example: 5 }) stuckAfterDays?: number;
}

@ApiSchema({ name: 'PipelineFactAttribute', description: 'An attribute of a custom buyer fact.' })
export class PipelineFactAttributeSchema {
  @ApiProperty({ pattern: '^[A-Za-z][A-Za-z0-9]*$', example: 'signedBy' }) name!: string;
  @ApiProperty({ enum: ATTRIBUTE_TYPES, example: 'string' }) type!: AttributeType;
  @ApiProperty({ example: true }) required!: boolean;
  @ApiPropertyOptional({ type: [String], description: 'The choices of an `enum`.' }) values?: string[];
}

@ApiSchema({ name: 'PipelineFactType', description: 'A custom buyer fact the version declares, recorded with POST /deals/{dealId}/facts/{factType}.' })
export class PipelineFactTypeSchema {
  @ApiProperty({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', example: 'security-questionnaire-signed', description: 'kebab-case; must not read as a built-in fact.' }) name!: string;
  @ApiProperty({ minLength: 1, example: 'Security questionnaire signed by the buyer' }) label!: string;
  @ApiProperty({ type: [PipelineFactAttributeSchema] }) attributes!: PipelineFactAttributeSchema[];
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...EVIDENCE_KINDS] }, example: ['signature', 'document'] }) evidenceKinds!: EvidenceKind[];
}

@ApiSchema({ name: 'PipelineVersion', description: 'One published version of a pipeline; every version also has the stages `closed-won` and `closed-lost`.' })
@ApiSchema({ name: 'PipelineReporting', description: 'The definitions this version\'s reports use unless a request names another (docs/pipelines.md).' })
export class PipelineReportingSchema {
  @ApiPropertyOptional({ enum: [...REPORTING_MEETINGS], description: 'How `/pipeline/rep-activity` counts meetings held by default.' })
  meetings?: ReportingMeetings;
}

export class PipelineVersionSchema {
  @ApiProperty({ example: 'default' }) pipelineId!: string;
  @ApiProperty({ type: 'integer', example: 2 }) version!: number;
  @ApiProperty({ example: 'Buyer-centric with security review' }) name!: string;
  @ApiProperty({ type: [PipelineStageSchema] }) stages!: PipelineStageSchema[];
  @ApiProperty({ type: [PipelinePostCloseStageSchema] }) postCloseStages!: PipelinePostCloseStageSchema[];
  @ApiProperty({ type: [PipelineFactTypeSchema] }) factTypes!: PipelineFactTypeSchema[];
  @ApiPropertyOptional({ type: PipelineReportingSchema }) reporting?: PipelineReportingSchema;
  @ApiPropertyOptional({ example: 'olga.ops', description: '`system` for the default pipeline published at first start.' }) publishedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) recordedAt?: string;
  @ApiProperty({ type: 'integer', description: 'Global position of the publication.' }) position!: number;
}

@ApiSchema({ name: 'PipelineSummary', description: 'A pipeline and its latest version.' })
export class PipelineSummarySchema {
  @ApiProperty({ example: 'default' }) pipelineId!: string;
  @ApiProperty({ example: 'Buyer-centric default' }) name!: string;
  @ApiProperty({ type: 'integer', example: 1 }) latestVersion!: number;
  @ApiProperty({ type: 'integer', example: 1 }) versions!: number;
  @ApiProperty({ description: 'New deals open on this pipeline\'s latest version unless they name another.' }) isDefault!: boolean;
}
