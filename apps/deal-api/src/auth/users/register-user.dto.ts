import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const ID = /^[A-Za-z0-9._@-]{1,100}$/;
const ROLES: ApiPropertyOptions = {
  type: [String],
  minItems: 1,
  maxItems: 7,
  description: 'Organisation roles: rep, manager, sales-ops, finance, implementation, admin, integration (docs/security.md).',
  example: ['rep'],
};

export class RegisterUserDto {
  @ApiProperty({ pattern: ID.source, example: 'carla.ae' }) @Matches(ID) userId!: string;
  @ApiProperty({ maxLength: 200, example: 'Carla Rossi' }) @IsString() @MaxLength(200) name!: string;
  @ApiProperty(ROLES) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsString({ each: true }) roles!: string[];
  @ApiPropertyOptional({ pattern: ID.source, description: 'Their manager, who then reads their deals and statements.', example: 'maria.manager' })
  @IsOptional() @Matches(ID) managerId?: string;
}

export class ChangeUserRolesDto {
  @ApiProperty(ROLES) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsString({ each: true }) roles!: string[];
}

export class UserStatusDto {
  @ApiProperty({ maxLength: 500, example: 'Left the company' }) @IsString() @MaxLength(500) reason!: string;
}
