import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EvidenceFactDto } from '../shared/fact.dto';

export const CONTACT_CHANNELS = ['email', 'phone', 'meeting', 'social', 'event', 'referral', 'other'] as const;

export class ContactMadeDto extends EvidenceFactDto {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel!: (typeof CONTACT_CHANNELS)[number];
}
