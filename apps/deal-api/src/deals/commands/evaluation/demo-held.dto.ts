import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { EvidenceFactDto } from '../shared/fact.dto';

export class DemoHeldDto extends EvidenceFactDto {
  @ApiProperty({ description: 'Whether the buyer attended.' })
  @IsBoolean()
  attended!: boolean;

  @ApiProperty({ description: 'Whether the buyer\'s questions were answered.' })
  @IsBoolean()
  questionsAnswered!: boolean;
}
