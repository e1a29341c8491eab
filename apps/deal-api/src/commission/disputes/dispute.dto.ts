import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

const PERIOD = /^\d{4}-Q[1-4]$/;
const SIGNED_MONEY = /^-?\d{1,13}(\.\d{1,2})?$/;

/** A rep's claim against one line of a statement. */
export class RaiseDisputeDto {
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @Matches(PERIOD, { message: 'period must be a quarter such as 2026-Q1' })
  period!: string;

  @IsString()
  @Length(1, 300)
  lineId!: string;

  @IsOptional()
  @IsUUID()
  dealId?: string;

  @IsString()
  @Length(1, 4000)
  claim!: string;
}

export class AdjustmentDto {
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @Matches(PERIOD, { message: 'period must be a quarter such as 2026-Q2' })
  period!: string;

  /** Signed decimal: positive pays more, negative recovers. */
  @Matches(SIGNED_MONEY, { message: 'amount must be a signed decimal with at most 2 decimals, e.g. "-2125.00"' })
  amount!: string;

  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;

  @IsOptional()
  @IsUUID()
  dealId?: string;
}

/** Finance's decision: accept with adjustment events, or reject with a reason. */
export class ResolveDisputeDto {
  @IsIn(['accept', 'reject'])
  decision!: 'accept' | 'reject';

  @IsString()
  @Length(1, 4000)
  reason!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AdjustmentDto)
  adjustments?: AdjustmentDto[];
}
