import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/**
 * Passwords hashed with argon2id (node-argon2), at OWASP's recommended cost: 19 MiB, 2
 * iterations, 1 lane. The PHC string it returns carries the parameters and the salt, so the
 * cost can be raised later without breaking older hashes.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  /** Verified against when there is no hash to check (an unknown user), so failing takes as long either way. */
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  /** True when the password matches; a missing or malformed hash is checked against a dummy one and fails. */
  async verify(hash: string | undefined, password: string): Promise<boolean> {
    if (hash === undefined) {
      await argon2.verify(await this.dummyHash(), password).catch(() => false);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= argon2.hash(randomBytes(32).toString('base64'), OPTIONS);
    return this.dummy;
  }
}
