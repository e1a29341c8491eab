import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { BackdatableDto, EvidenceFactDto } from '../shared/fact.dto';
import { LineItemDto, MONEY, MONEY_MESSAGE } from '../shared/money.dto';

export class TermsDto extends EvidenceFactDto {
  @Matches(MONEY, { message: `price ${MONEY_MESSAGE}` })
  price!: string;

  @IsString()
  @Length(1, 500)
  paymentTerms!: string;

  @IsString()
  @Length(1, 500)
  deliveryTimeline!: string;
}

export class ChangeAmountDto extends BackdatableDto {
  @Matches(MONEY, { message: `expectedAmount ${MONEY_MESSAGE}` })
  expectedAmount!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  lineItems?: LineItemDto[];

  @IsString()
  @Length(1, 1000)
  reason!: string;
}
