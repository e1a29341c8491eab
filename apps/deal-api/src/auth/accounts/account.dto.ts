import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PASSWORD_MAX_LENGTH, TOKEN_SCOPES } from '@deals/domain';

const USER_ID = /^[A-Za-z0-9._@-]{1,100}$/;
/** 32 random bytes, base64url. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class SignInDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'The user id, e.g. `ana.ae`.', example: 'ana.ae' })
  @IsString() @Length(1, 200) userId!: string;

  @ApiProperty({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString() @Length(1, PASSWORD_MAX_LENGTH) password!: string;
}

export class SetPasswordDto {
  @ApiProperty({ pattern: USER_ID.source, description: 'The user id the link names.', example: 'ana.ae' })
  @Matches(USER_ID) userId!: string;

  @ApiProperty({ pattern: LINK_TOKEN.source, description: 'The token of the invitation or reset link.' })
  @Matches(LINK_TOKEN) token!: string;

  @ApiProperty({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH, format: 'password', description: 'At least 12 characters, not containing the user id.' })
  @IsString() @Length(1, PASSWORD_MAX_LENGTH) password!: string;
}

export class AccountActivityQueryDto {
  @ApiProperty({ format: 'date-time', description: 'Start (inclusive).' })
  @IsISO8601({ strict: true }) from!: string;

  @ApiProperty({ format: 'date-time', description: 'End (exclusive); at most 92 days after `from`.' })
  @IsISO8601({ strict: true }) to!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'Only this user id (as typed, for failed sign-ins).' })
  @IsOptional() @IsString() @Length(1, 200) userId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset: number = 0;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
}

export class CreateAccessTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'What the token is for, e.g. `calendar sync`.', example: 'calendar sync' })
  @IsString() @Length(1, 100) name!: string;

  @ApiProperty({ type: [String], enum: [...TOKEN_SCOPES], minItems: 1, maxItems: 2, description: '`read` (GET only) and/or `write` (everything the person may do).', example: ['read'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2) @IsIn([...TOKEN_SCOPES], { each: true }) scopes!: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 366, default: 90, description: 'Days until the token expires.' })
  @IsOptional() @IsInt() @Min(1) @Max(366) expiresInDays: number = 90;
}
