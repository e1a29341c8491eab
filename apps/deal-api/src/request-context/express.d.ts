import { Actor } from '@deals/domain';

declare global {
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}
