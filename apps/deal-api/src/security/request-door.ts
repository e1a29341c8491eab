import { NestExpressApplication } from '@nestjs/platform-express';
import { contentHeadersGate } from './content-headers.middleware';
import { bodyParserErrors, jsonBodyParser } from './json-body.parser';
import { queryStringGate } from './query-string.gate';
import { textFieldsGate } from './text-fields.gate';

/**
 * The door every request passes before routing, authentication and validation, in this order:
 * the query string's size, the body's headers (nothing read yet), the body read within its
 * limits and parsed, then the text rule over every string. A refusal is a 413, 415 or 400 with
 * a stable code, handled by the one error filter like any other error.
 */
export function installRequestDoor(app: NestExpressApplication): void {
  app.use(queryStringGate, contentHeadersGate, jsonBodyParser, bodyParserErrors, textFieldsGate);
}
