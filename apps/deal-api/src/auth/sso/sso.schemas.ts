import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'SingleSignOn', description: 'The OpenID provider people may sign in with.' })
export class SingleSignOnSchema {
  @ApiProperty({ description: 'For the button: "Sign in with <name>" (OIDC_PROVIDER_NAME).' }) name!: string;
  @ApiProperty({ enum: ['/auth/oidc/start'], description: 'Where the browser goes to sign in with the provider.' }) startUrl!: string;
}

@ApiSchema({ name: 'AuthMethods', description: 'How people may sign in to the dashboard here.' })
export class AuthMethodsSchema {
  @ApiProperty({ description: 'A user id and a password (always).' }) password!: boolean;
  @ApiPropertyOptional({ type: SingleSignOnSchema, nullable: true, description: 'Single sign-on; null when not configured.' }) sso!: SingleSignOnSchema | null;
}
