import { OrganisationRole } from '../../deal/deal-access';

export interface UserState {
  readonly exists: boolean;
  /** False once deactivated: the person holds no rights until reactivated. */
  readonly active: boolean;
  readonly userId: string;
  readonly name: string;
  /** Organisation roles: what the person may do anywhere (see the permission table). */
  readonly roles: readonly OrganisationRole[];
  /** The person's direct manager, who may read their deals and record. */
  readonly managerId?: string;
}

export const initialUserState = (): UserState => ({ exists: false, active: false, userId: '', name: '', roles: [] });
