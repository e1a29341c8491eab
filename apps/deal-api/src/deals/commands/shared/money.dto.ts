import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { LineItemInput } from '@deals/domain';

/**
 * Amounts travel as decimal strings ("60000.00") so no float ever touches money. The pattern
 * allows the most decimals any ISO 4217 currency has (4); the domain reads the amount in its
 * currency and refuses more decimals than that currency has (MONEY.INVALID: JPY none, EUR 2, KWD 3).
 */
export const MONEY = /^\d{1,15}(\.\d{1,4})?$/;
export const MONEY_MESSAGE = 'must be a decimal string with no more decimals than its currency has, e.g. "60000.00"';
export const MONEY_DESCRIPTION = 'Decimal string with at most as many decimals as the currency\'s ISO 4217 minor unit (EUR 2, JPY 0, KWD 3).';

export class LineItemDto {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'PLATFORM' })
  @IsString()
  @Length(1, 64)
  productCode!: string;

  @ApiProperty({ pattern: MONEY.source, description: MONEY_DESCRIPTION, example: '60000.00' })
  @Matches(MONEY, { message: `amount ${MONEY_MESSAGE}` })
  amount!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number = 1;
}

/** Line items with their amounts as written: the domain reads them in the deal's currency. */
export function toLineItems(items: readonly LineItemDto[] | undefined): LineItemInput[] | undefined {
  return items?.map((i) => ({ productCode: i.productCode, amountMinor: { decimal: i.amount }, quantity: i.quantity }));
}
