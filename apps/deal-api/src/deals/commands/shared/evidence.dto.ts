import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, Length } from 'class-validator';
import { EVIDENCE_KINDS, Evidence, EvidenceKind } from '@deals/domain';

/** A pointer to where a manager can check the fact (e.g. the email's Message-ID). */
export class EvidenceDto implements Evidence {
  @ApiProperty({ enum: EVIDENCE_KINDS, example: 'email' })
  @IsIn(EVIDENCE_KINDS)
  kind!: EvidenceKind;

  @ApiProperty({ minLength: 1, maxLength: 500, description: 'Its id in the source system, e.g. the email\'s Message-ID.', example: '<CAF=x1@mail.acme.example>' })
  @IsString()
  @Length(1, 500)
  ref!: string;

  @ApiPropertyOptional({ format: 'uri', description: 'An http(s) link to it.' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  url?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}
