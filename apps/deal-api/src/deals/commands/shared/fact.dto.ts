import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsOptional, ValidateNested } from 'class-validator';
import { EvidenceDto } from './evidence.dto';

/** Any command may be backdated: `occurredAt` is when it happened in the business. */
export class BackdatableDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When it happened in the business, with a time zone (default: now). At most 5 minutes in the future; not before the deal opened.',
    example: '2026-03-02T09:30:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

/** A buyer fact that needs nothing but its evidence. */
export class EvidenceFactDto extends BackdatableDto {
  @ApiProperty({ type: () => EvidenceDto })
  @IsDefined({ message: '$property is required' })
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto;
}

export class OptionalEvidenceDto extends BackdatableDto {
  @ApiPropertyOptional({ type: () => EvidenceDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto;
}
