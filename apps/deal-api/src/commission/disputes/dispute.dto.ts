import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';

const PERIOD = /^\d{4}-Q[1-4]$/;
/** As MONEY, signed; the domain refuses more decimals than the currency has. */
const SIGNED_MONEY = /^-?\d{1,15}(\.\d{1,4})?$/;

/** A rep's claim against one line of a statement. */
export class RaiseDisputeDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9._@-]{1,100}$', description: 'Whose statement: the caller, or a report of theirs.', example: 'ana.ae' })
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @ApiProperty({ pattern: PERIOD.source, example: '2026-Q1' })
  @Matches(PERIOD, { message: 'period must be a quarter such as 2026-Q1' })
  period!: string;

  @ApiProperty({ minLength: 1, maxLength: 300, description: 'The statement line\'s id.', example: 'acme:commission' })
  @IsString()
  @Length(1, 300)
  lineId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  dealId?: string;

  @ApiProperty({ minLength: 1, maxLength: 4000, description: 'What the rep believes is wrong.' })
  @IsString()
  @Length(1, 4000)
  claim!: string;
}

export class AdjustmentDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9._@-]{1,100}$', example: 'ana.ae' })
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @ApiProperty({ pattern: PERIOD.source, description: 'The quarter the adjustment line appears in.', example: '2026-Q2' })
  @Matches(PERIOD, { message: 'period must be a quarter such as 2026-Q2' })
  period!: string;

  /** Signed decimal: positive pays more, negative recovers. */
  @ApiProperty({ pattern: SIGNED_MONEY.source, description: 'Signed decimal, at most as many decimals as the currency\'s ISO 4217 minor unit: positive pays more, negative recovers.', example: '-2125.00' })
  @Matches(SIGNED_MONEY, { message: 'amount must be a signed decimal with no more decimals than its currency has, e.g. "-2125.00"' })
  amount!: string;

  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'EUR' })
  @Matches(/^[A-Z]{3}$/)
  currency!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  dealId?: string;
}

/** Finance's decision: accept with adjustment events, or reject with a reason. */
export class ResolveDisputeDto {
  @ApiProperty({ enum: ['accept', 'reject'] })
  @IsIn(['accept', 'reject'])
  decision!: 'accept' | 'reject';

  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  reason!: string;

  @ApiPropertyOptional({ type: () => [AdjustmentDto], maxItems: 50, description: 'Required to accept: at least one, each with a non-zero amount.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AdjustmentDto)
  adjustments?: AdjustmentDto[];
}

/** A second finance user's answer to an acceptance above the threshold. */
export class ReviewDisputeAcceptanceDto {
  @ApiProperty({ enum: ['approve', 'reject'], description: 'approve pays the proposed adjustments; reject sends the dispute back open.' })
  @IsIn(['approve', 'reject'])
  decision!: 'approve' | 'reject';

  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  reason!: string;
}
