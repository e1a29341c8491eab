import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Operation } from '@deals/domain';

export const ACCESS_OPERATION = 'deals:access-operation';

/** The operation of the access table (libs/domain/src/access/operations.ts) a route performs. */
export const Access = (operation: Operation) =>
  applyDecorators(SetMetadata(ACCESS_OPERATION, operation), ApiExtension('x-permission', operation));
