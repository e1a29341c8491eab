import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { EvidenceFactDto } from '../shared/fact.dto';
import { MONEY, MONEY_MESSAGE } from '../shared/money.dto';

export class DecisionMakerDto extends EvidenceFactDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  contactName!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'CFO' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contactTitle?: string;
}

/** The budget range the buyer named, in the deal's currency. */
export class BudgetDto extends EvidenceFactDto {
  @ApiPropertyOptional({ pattern: MONEY.source, description: 'At most `max`.', example: '40000.00' })
  @IsOptional()
  @Matches(MONEY, { message: `min ${MONEY_MESSAGE}` })
  min?: string;

  @ApiProperty({ pattern: MONEY.source, example: '70000.00' })
  @Matches(MONEY, { message: `max ${MONEY_MESSAGE}` })
  max!: string;
}

export class DecisionTimeframeDto extends EvidenceFactDto {
  /** The date the buyer intends to decide by (YYYY-MM-DD). */
  @ApiProperty({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-04-30' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionBy must be a date YYYY-MM-DD' })
  decisionBy!: string;
}
