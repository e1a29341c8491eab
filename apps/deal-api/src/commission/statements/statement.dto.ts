import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { ReadOptionsDto } from '../../projections/read-options.dto';

const PERIOD = { pattern: '^\\d{4}-Q[1-4]$', description: 'A calendar quarter.', example: '2026-Q1' };

export class StatementDto extends ReadOptionsDto {
  @ApiProperty(PERIOD)
  @Matches(/^\d{4}-Q[1-4]$/, { message: 'period must be a quarter such as 2026-Q1' })
  period!: string;

  /** The statement as the engine knew it at this recorded moment (default: now). */
  @ApiPropertyOptional({ format: 'date-time', description: 'The statement as the engine knew it at this recorded moment (default: now).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asKnownAt?: string;
}

/** Two moments to compare a statement at (a reconstruction, a dispute's review). */
export class TwoMomentsDto extends ReadOptionsDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'The first moment (default: the end of the quarter; for a dispute, the disputed quarter).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  knownAtA?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'The second moment (default: now).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  knownAtB?: string;
}

export class ReconstructionDto extends TwoMomentsDto {
  @ApiProperty(PERIOD)
  @Matches(/^\d{4}-Q[1-4]$/, { message: 'period must be a quarter such as 2026-Q1' })
  period!: string;
}

/** Which two moments a dispute's review compares (as the reconstruction does). */
export class DisputeReviewDto extends TwoMomentsDto {}
