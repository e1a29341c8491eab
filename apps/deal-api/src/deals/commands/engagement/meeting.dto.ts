import { IsISO8601, IsString, Length } from 'class-validator';
import { EvidenceFactDto } from '../shared/fact.dto';

/** A meeting the buyer accepted: its calendar id and when it is. */
export class MeetingDto extends EvidenceFactDto {
  @IsString()
  @Length(1, 200)
  meetingId!: string;

  @IsISO8601({ strict: true })
  scheduledFor!: string;
}
