import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';

export class MigrationDryRunDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 2, description: 'The version to move open deals to.' })
  @IsInt()
  @Min(1)
  toVersion!: number;
}

export class MigrateDealsDto extends MigrationDryRunDto {
  @ApiPropertyOptional({ pattern: '^[0-9a-f]{64}$', description: 'The dry run\'s `digest`: the migration runs only if the dry run would still answer exactly that (else 412 `PIPELINE.DRY_RUN_STALE`).' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  dryRunDigest?: string;
}
