import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Session', description: 'Who the caller is and how they are signed in; `csrfToken` goes in `X-CSRF-Token` on every POST or DELETE made with the session cookie.' })
export class SessionSchema {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ enum: ['session', 'bearer'] }) via!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for a bearer token (it needs none).' }) csrfToken!: string | null;
}

@ApiSchema({ name: 'SignedOut' })
export class SignedOutSchema {
  @ApiProperty({ description: 'True when a session was open and is now ended.' }) signedOut!: boolean;
}

@ApiSchema({ name: 'PasswordLink', description: 'A one-time link, shown once: only the hash of its token is kept.' })
export class PasswordLinkSchema {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['invitation', 'reset'] }) purpose!: string;
  @ApiProperty({ format: 'uuid' }) linkId!: string;
  @ApiProperty({ description: 'The dashboard page that sets the password; give it to the person.' }) url!: string;
  @ApiProperty({ description: 'The token in the link, for clients that build their own page.' }) token!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

@ApiSchema({ name: 'PasswordSet' })
export class PasswordSetSchema {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['invitation', 'reset'] }) purpose!: string;
}

@ApiSchema({ name: 'AccountActivityItem', description: 'One audit record of an account.' })
export class AccountActivityItemSchema {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['signed-in', 'sign-in-failed', 'locked-out', 'signed-out', 'invitation-issued', 'reset-issued', 'password-set', 'token-created', 'token-revoked', 'identity-linked', 'user-provisioned', 'roles-synced'] }) kind!: string;
  @ApiProperty({ description: 'The person (for a failed sign-in: the user id as typed).' }) userId!: string;
  @ApiProperty({ description: 'Who did it: an admin issuing a link, `sso:oidc` linking, registering or re-roling on single sign-on, the person otherwise.' }) actorId!: string;
  @ApiPropertyOptional() address?: string;
  @ApiPropertyOptional({ description: 'Why a sign-in failed or what was locked.' }) reason?: string;
  @ApiPropertyOptional({ description: 'The first 12 hex digits of the session id.' }) sessionRef?: string;
  @ApiPropertyOptional() linkId?: string;
  @ApiPropertyOptional() tokenId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) expiresAt?: string;
  @ApiPropertyOptional({ enum: ['password', 'oidc'], description: 'How a sign-in (or its failure) was attempted; absent on older records: a password.' }) method?: string;
  @ApiPropertyOptional({ type: [String], description: 'Single sign-on: the roles the provider\'s groups mapped to.' }) roles?: string[];
}

@ApiSchema({ name: 'AccountActivity' })
export class AccountActivitySchema {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() total!: number;
  @ApiProperty() offset!: number;
  @ApiProperty() limit!: number;
  @ApiProperty({ type: [AccountActivityItemSchema] }) items!: AccountActivityItemSchema[];
}

@ApiSchema({ name: 'AccessToken', description: 'A personal access token as listed: never the token itself.' })
export class AccessTokenSchema {
  @ApiProperty({ format: 'uuid' }) tokenId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String], enum: ['read', 'write'] }) scopes!: string[];
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Who created it: the person, or an admin (a service account\'s).' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) revokedAt?: string;
  @ApiPropertyOptional() revokedBy?: string;
}

@ApiSchema({ name: 'CreatedAccessToken', description: 'The new token, shown once: only its hash is kept. Send it as `Authorization: Bearer <token>`.' })
export class CreatedAccessTokenSchema extends AccessTokenSchema {
  @ApiProperty() userId!: string;
  @ApiProperty({ example: 'deals_pat_…' }) token!: string;
}

@ApiSchema({ name: 'AccessTokens' })
export class AccessTokensSchema {
  @ApiProperty() userId!: string;
  @ApiProperty({ type: [AccessTokenSchema] }) items!: AccessTokenSchema[];
}

@ApiSchema({ name: 'RevokedAccessToken' })
export class RevokedAccessTokenSchema {
  @ApiProperty() userId!: string;
  @ApiProperty({ format: 'uuid' }) tokenId!: string;
  @ApiProperty({ description: 'False when it was revoked already.' }) revoked!: boolean;
}
