import { IsBoolean } from 'class-validator';
import { EvidenceFactDto } from '../shared/fact.dto';

export class DemoHeldDto extends EvidenceFactDto {
  @IsBoolean()
  attended!: boolean;

  @IsBoolean()
  questionsAnswered!: boolean;
}
