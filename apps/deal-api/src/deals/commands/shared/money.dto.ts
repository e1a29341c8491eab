import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { LineItem, parseMoneyToMinor } from '@deals/domain';

/** Amounts travel as decimal strings ("60000.00") so no float ever touches money. */
export const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
export const MONEY_MESSAGE = 'must be a decimal string with at most 2 decimals, e.g. "60000.00"';

export class LineItemDto {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'PLATFORM' })
  @IsString()
  @Length(1, 64)
  productCode!: string;

  @ApiProperty({ pattern: MONEY.source, description: 'Decimal string, at most 2 decimals.', example: '60000.00' })
  @Matches(MONEY, { message: `amount ${MONEY_MESSAGE}` })
  amount!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number = 1;
}

export function toLineItems(items: readonly LineItemDto[] | undefined): LineItem[] | undefined {
  return items?.map((i) => ({ productCode: i.productCode, amountMinor: parseMoneyToMinor(i.amount), quantity: i.quantity }));
}
