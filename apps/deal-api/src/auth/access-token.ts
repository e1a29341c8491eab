import { JwtService, JwtVerifyOptions } from '@nestjs/jwt';
import { TOKEN_ALGORITHM, tokenKey } from '@deals/access-tokens';

export const VERIFY_OPTIONS: JwtVerifyOptions = { algorithms: [TOKEN_ALGORITHM] };

/** Nest's JwtService over the token secret (a KeyObject made once; see tokenKey). */
export function createJwtService(secret: string): JwtService {
  const key = tokenKey(secret);
  return new JwtService({ privateKey: key, publicKey: key, signOptions: { algorithm: TOKEN_ALGORITHM }, verifyOptions: VERIFY_OPTIONS });
}
