import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { LineItem, parseMoneyToMinor } from '@deals/domain';

/** Amounts travel as decimal strings ("60000.00") so no float ever touches money. */
export const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
export const MONEY_MESSAGE = 'must be a decimal string with at most 2 decimals, e.g. "60000.00"';

export class LineItemDto {
  @IsString()
  @Length(1, 64)
  productCode!: string;

  @Matches(MONEY, { message: `amount ${MONEY_MESSAGE}` })
  amount!: string;

  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number = 1;
}

export function toLineItems(items: readonly LineItemDto[] | undefined): LineItem[] | undefined {
  return items?.map((i) => ({ productCode: i.productCode, amountMinor: parseMoneyToMinor(i.amount), quantity: i.quantity }));
}
