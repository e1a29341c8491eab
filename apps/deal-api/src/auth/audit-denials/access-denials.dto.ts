import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

export class AccessDenialsDto {
  @ApiProperty({ format: 'date-time', description: 'Start (inclusive).' })
  @IsISO8601({ strict: true }) from!: string;

  @ApiProperty({ format: 'date-time', description: 'End (exclusive); at most 92 days after `from`.' })
  @IsISO8601({ strict: true }) to!: string;

  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9._@-]{1,100}$', description: 'Only this person\'s refusals.' })
  @IsOptional() @Matches(/^[A-Za-z0-9._@-]{1,100}$/) actorId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset: number = 0;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
}

export class PersonAccessDenialsDto {
  @ApiProperty({ format: 'date-time', description: 'Start (inclusive).' })
  @IsISO8601({ strict: true }) from!: string;

  @ApiProperty({ format: 'date-time', description: 'End (exclusive); at most 92 days after `from`.' })
  @IsISO8601({ strict: true }) to!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset: number = 0;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
}
