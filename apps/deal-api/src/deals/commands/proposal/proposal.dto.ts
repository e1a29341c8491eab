import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { BackdatableDto, EvidenceFactDto } from '../shared/fact.dto';
import { LineItemDto, MONEY, MONEY_MESSAGE } from '../shared/money.dto';

export class TermsDto extends EvidenceFactDto {
  @ApiProperty({ pattern: MONEY.source, example: '58000.00' })
  @Matches(MONEY, { message: `price ${MONEY_MESSAGE}` })
  price!: string;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'net 30' })
  @IsString()
  @Length(1, 500)
  paymentTerms!: string;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'go-live by 2026-06-30' })
  @IsString()
  @Length(1, 500)
  deliveryTimeline!: string;
}

export class ChangeAmountDto extends BackdatableDto {
  @ApiProperty({ pattern: MONEY.source, description: 'The new expected amount; line items, when given, must add up to it.', example: '64000.00' })
  @Matches(MONEY, { message: `expectedAmount ${MONEY_MESSAGE}` })
  expectedAmount!: string;

  @ApiPropertyOptional({ type: () => [LineItemDto], maxItems: 200 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  lineItems?: LineItemDto[];

  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
