import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DealDeskFile, DealDeskPolicy, dealDeskPolicyFrom } from '@deals/domain';

/**
 * The deal desk's limits and price list: `CONTROL_MAX_DISCOUNT_PERCENT`, `CONTROL_MAX_PAYMENT_DAYS`
 * and the JSON file `CONTROL_DEAL_DESK_FILE` names. A file that cannot be read or parsed, or a
 * setting the domain refuses, stops the start with the reason.
 */
export function dealDeskPolicyFromEnv(env: NodeJS.ProcessEnv): DealDeskPolicy {
  const name = env.CONTROL_DEAL_DESK_FILE;
  if (name === undefined || name === '') return dealDeskPolicyFrom(env);
  const path = resolve(name);
  let file: DealDeskFile;
  try {
    file = { path, content: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (error) {
    throw new Error(`CONTROL_DEAL_DESK_FILE ${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  return dealDeskPolicyFrom(env, file);
}
