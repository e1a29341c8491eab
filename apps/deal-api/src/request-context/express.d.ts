import { AggregatedStream } from '@deals/command-pipeline';
import { Actor, Authorization, DealState } from '@deals/domain';

declare global {
  namespace Express {
    interface Request {
      actor?: Actor;
      /** When the bearer token expires (ms since the epoch). */
      tokenExpiresAt?: number;
      /** The dashboard session the request came with (the SHA-256 of its cookie's token); absent with a bearer token. */
      sessionId?: string;
      /** The personal access token the request came with (its id); absent for a signed JWT or a session. */
      personalTokenId?: string;
      /** The roles the token claims (informational: rights come from the user directory). */
      tokenRoles?: readonly string[];
      /** The access decision for this request: `narrowed` when the caller sees only what they may read. */
      scope?: Authorization;
      /** The `:dealId` deal's stream when the access check read it (so the handler does not read it again). */
      dealStream?: AggregatedStream<DealState>;
    }
  }
}
