import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const ID = /^[A-Za-z0-9._@-]{1,100}$/;

export class RegisterUserDto {
  @Matches(ID) userId!: string;
  @IsString() @MaxLength(200) name!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsString({ each: true }) roles!: string[];
  @IsOptional() @Matches(ID) managerId?: string;
}

export class ChangeUserRolesDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsString({ each: true }) roles!: string[];
}
