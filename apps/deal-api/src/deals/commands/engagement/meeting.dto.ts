import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Length } from 'class-validator';
import { EvidenceFactDto } from '../shared/fact.dto';

/** A meeting the buyer accepted: its calendar id and when it is. */
export class MeetingDto extends EvidenceFactDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'The calendar event\'s id.' })
  @IsString()
  @Length(1, 200)
  meetingId!: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-10T14:00:00Z' })
  @IsISO8601({ strict: true })
  scheduledFor!: string;
}
