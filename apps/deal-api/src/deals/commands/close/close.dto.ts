import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { EvidenceDto } from '../shared/evidence.dto';
import { BackdatableDto, OptionalEvidenceDto } from '../shared/fact.dto';
import { LineItemDto, MONEY, MONEY_MESSAGE } from '../shared/money.dto';

export class CloseWonDto extends BackdatableDto {
  /** The signed order: the buyer's signature is the evidence of the win. */
  @ApiProperty({ type: () => EvidenceDto, description: 'The signed order: the buyer\'s signature is the evidence of the win.' })
  @IsDefined({ message: '$property is required' })
  @ValidateNested()
  @Type(() => EvidenceDto)
  signedOrder!: EvidenceDto;

  /** The final amount, when it differs from the expected one. */
  @ApiPropertyOptional({ pattern: MONEY.source, description: 'The final amount, when it differs from the expected one.', example: '58000.00' })
  @IsOptional()
  @Matches(MONEY, { message: `amount ${MONEY_MESSAGE}` })
  amount?: string;

  @ApiPropertyOptional({ type: () => [LineItemDto], maxItems: 200 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  lineItems?: LineItemDto[];
}

export class ReasonDto extends OptionalEvidenceDto {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
