import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { EvidenceFactDto } from '../shared/fact.dto';

/** A fact of a custom type: its attributes are checked against the deal's pipeline version, which names each field at fault. */
export class BuyerFactDto extends EvidenceFactDto {
  @ApiPropertyOptional({
    type: 'object', additionalProperties: true,
    description: 'The attributes the fact type declares (string, number, boolean, date, url or enum values).',
    example: { signedBy: 'Kim Lee, CISO', signedOn: '2026-03-18', outcome: 'passed' },
  })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, unknown>;
}

export const FACT_TYPE_PARAM = { name: 'factType', description: 'A fact type the deal\'s pipeline version declares, e.g. `security-questionnaire-signed`.', schema: { type: 'string' as const } };
