import { Type } from 'class-transformer';
import { IsISO8601, IsOptional, ValidateNested } from 'class-validator';
import { EvidenceDto } from './evidence.dto';

/** Any command may be backdated: `occurredAt` is when it happened in the business. */
export class BackdatableDto {
  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}

/** A buyer fact that needs nothing but its evidence. */
export class EvidenceFactDto extends BackdatableDto {
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto;
}

export class OptionalEvidenceDto extends BackdatableDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto;
}
