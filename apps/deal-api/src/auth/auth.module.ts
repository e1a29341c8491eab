import { Global, Module } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { AccessDenialRecorder } from './access-denial.recorder';
import { AccessPolicy } from './access-policy';
import { createJwtService } from './access-token';
import { resolveAuthSecret } from './auth-secret';
import { UserDirectory } from './user-directory';
import { UserCommands } from './users/user-commands';
import { UsersController } from './users/users.controller';

const services = [AccessDenialRecorder, AccessPolicy, UserDirectory, UserCommands];

/** Identity (signed tokens, users) and the access policy, available to every module. */
@Global()
@Module({
  controllers: [UsersController],
  providers: [
    { provide: JwtService, inject: [API_CONFIG], useFactory: (config: ApiConfig) => createJwtService(resolveAuthSecret(config)) },
    ...services,
  ],
  exports: [JwtService, ...services],
})
export class AuthModule {}
