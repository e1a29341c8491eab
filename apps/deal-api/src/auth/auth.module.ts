import { Global, Module } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { AccessDenialLog } from './access-denial.log';
import { AccessPolicy } from './access-policy';
import { createJwtService } from './access-token';
import { AuditDenialsController } from './audit-denials/audit-denials.controller';
import { resolveAuthSecret } from '@deals/access-tokens';
import { LiveUserDirectory } from './live-user-directory';
import { UserCommandHandler } from './users/user-command.handler';
import { UsersController } from './users/users.controller';

const services = [AccessDenialLog, AccessPolicy, LiveUserDirectory, UserCommandHandler];

/** Identity (signed tokens, the user directory), the access table's policy and the refusal log, for every module. */
@Global()
@Module({
  controllers: [UsersController, AuditDenialsController],
  providers: [
    { provide: JwtService, inject: [API_CONFIG], useFactory: (config: ApiConfig) => createJwtService(resolveAuthSecret(config)) },
    ...services,
  ],
  exports: [JwtService, ...services],
})
export class AuthModule {}
