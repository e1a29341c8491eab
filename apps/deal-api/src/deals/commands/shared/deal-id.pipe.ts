import { Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '@deals/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class DealIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new DomainError('DEAL.ID_INVALID', 'invalid', `dealId must be a UUID, got "${value}"`);
    return value.toLowerCase();
  }
}
