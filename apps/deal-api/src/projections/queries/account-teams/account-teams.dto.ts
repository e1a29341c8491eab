import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ReadOptionsDto } from '../../read-options.dto';

const ID = /^[A-Za-z0-9._@-]{1,100}$/;

export class AccountTeamsDto extends ReadOptionsDto {
  @ApiPropertyOptional({ pattern: ID.source, description: 'Only the teams this person is on.' }) @IsOptional() @Matches(ID) member?: string;
}
