import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'MigrationCriterion', description: 'One exit criterion of the new version, met (with its evidence) or missing.' })
export class MigrationCriterionSchema {
  @ApiProperty({ example: 'security-review-passed' }) stageId!: string;
  @ApiProperty({ example: 'security-questionnaire-signed' }) criterionId!: string;
  @ApiProperty() label!: string;
  @ApiProperty() met!: boolean;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object', additionalProperties: true } }) evidence?: unknown[];
}

@ApiSchema({ name: 'DealMigrationFinding', description: 'Where an open deal would land under the new version, and why.' })
export class DealMigrationFindingSchema {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) fromVersion!: number;
  @ApiProperty() fromStageId!: string;
  @ApiProperty({ description: 'The stage under the new version.' }) stageId!: string;
  @ApiProperty({ enum: ['kept', 'first-unmet'], description: '`kept`: its stage is in the new version; `first-unmet`: its stage is gone, so the first stage whose criteria are not all met.' })
  placement!: string;
  @ApiProperty({ type: [MigrationCriterionSchema], description: 'Every criterion of the open stages up to and including that stage.' })
  criteria!: MigrationCriterionSchema[];
}

@ApiSchema({ name: 'MigrationDryRun', description: 'What a migration would do; writes nothing.' })
export class MigrationDryRunSchema {
  @ApiProperty() pipelineId!: string;
  @ApiProperty({ type: 'integer' }) toVersion!: number;
  @ApiProperty({ type: [DealMigrationFindingSchema] }) deals!: DealMigrationFindingSchema[];
  @ApiProperty({ description: 'Pass as `dryRunDigest` to migrate exactly this.' }) digest!: string;
}
