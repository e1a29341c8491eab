import { IsIn, IsOptional, IsString, IsUrl, Length } from 'class-validator';
import { EVIDENCE_KINDS, Evidence, EvidenceKind } from '@deals/domain';

/** A pointer to where a manager can check the fact (e.g. the email's Message-ID). */
export class EvidenceDto implements Evidence {
  @IsIn(EVIDENCE_KINDS)
  kind!: EvidenceKind;

  @IsString()
  @Length(1, 500)
  ref!: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  url?: string;

  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}
