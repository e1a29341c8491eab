import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class MigrateDealPipelineDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 2, description: 'A newer version of the deal\'s pipeline; the one it is on writes nothing.' })
  @IsInt()
  @Min(1)
  toVersion!: number;
}
