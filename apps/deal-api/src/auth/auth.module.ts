import { Global, Module } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { SessionActorResolver } from '../request-context/session-actor.resolver';
import { AccessDenialLog } from './access-denial.log';
import { AccessTokensController } from './accounts/access-tokens.controller';
import { AccountActivityController } from './accounts/account-activity.controller';
import { AccountActivityLog } from './accounts/account-activity.log';
import { CredentialCommandHandler } from './accounts/credential-command.handler';
import { CredentialDirectory } from './accounts/credential-directory';
import { PasswordHasher } from './accounts/password-hasher';
import { PasswordLinksController } from './accounts/password-links.controller';
import { SessionController } from './accounts/session.controller';
import { SignInService } from './accounts/sign-in.service';
import { AccessPolicy } from './access-policy';
import { createJwtService } from './access-token';
import { AuditDenialsController } from './audit-denials/audit-denials.controller';
import { resolveAuthSecret } from '@deals/access-tokens';
import { LiveUserDirectory } from './live-user-directory';
import { OidcClient } from './sso/oidc-client';
import { SsoController } from './sso/sso.controller';
import { SsoSignInService } from './sso/sso-sign-in.service';
import { UserCommandHandler } from './users/user-command.handler';
import { UsersController } from './users/users.controller';

const services = [
  AccessDenialLog, AccessPolicy, LiveUserDirectory, UserCommandHandler,
  AccountActivityLog, CredentialDirectory, CredentialCommandHandler, PasswordHasher, SignInService, SessionActorResolver,
  OidcClient, SsoSignInService,
];

/** Identity (signed tokens, the user directory, passwords, links and sessions), the access table's policy and the refusal log, for every module. */
@Global()
@Module({
  controllers: [UsersController, AuditDenialsController, SessionController, PasswordLinksController, AccessTokensController, AccountActivityController,
    SsoController],
  providers: [
    { provide: JwtService, inject: [API_CONFIG], useFactory: (config: ApiConfig) => createJwtService(resolveAuthSecret(config)) },
    ...services,
  ],
  exports: [JwtService, ...services],
})
export class AuthModule {}
