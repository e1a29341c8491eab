import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { EvidenceFactDto } from '../shared/fact.dto';
import { MONEY, MONEY_MESSAGE } from '../shared/money.dto';

export class DecisionMakerDto extends EvidenceFactDto {
  @IsString()
  @Length(1, 200)
  contactName!: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  contactTitle?: string;
}

/** The budget range the buyer named, in the deal's currency. */
export class BudgetDto extends EvidenceFactDto {
  @IsOptional()
  @Matches(MONEY, { message: `min ${MONEY_MESSAGE}` })
  min?: string;

  @Matches(MONEY, { message: `max ${MONEY_MESSAGE}` })
  max!: string;
}

export class DecisionTimeframeDto extends EvidenceFactDto {
  /** The date the buyer intends to decide by (YYYY-MM-DD). */
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decisionBy must be a date YYYY-MM-DD' })
  decisionBy!: string;
}
