import { Inject, Injectable } from '@nestjs/common';
import { Actor, groupsOf, OrganisationRole, rolesFromGroups, USER_ID, UserState } from '@deals/domain';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { OidcSettings } from '../../config/oidc-settings';
import { AccountActivityLog } from '../accounts/account-activity.log';
import { CredentialCommandHandler } from '../accounts/credential-command.handler';
import { CredentialDirectory } from '../accounts/credential-directory';
import { SignedIn, SignInService } from '../accounts/sign-in.service';
import { LiveUserDirectory } from '../live-user-directory';
import { UserCommandHandler } from '../users/user-command.handler';
import { OidcClaims } from './oidc-client';
import { SsoErrors } from './sso.errors';

/**
 * Who registers, re-roles and links people on single sign-on: not a person (its id is no user
 * id), acting with an admin's rights because the operator's OIDC_ROLE_MAP decided the roles.
 */
export const SSO_ACTOR: Actor = { id: 'sso:oidc', roles: ['admin'] };

/**
 * Turns the provider's claims into a person here: the one linked to this identity before, else the
 * user whose id is the identifying claim (then linked), else — with OIDC_PROVISION — a new user.
 * With OIDC_ROLE_MAP their roles follow their groups on every sign-in. Then the same session a
 * password sign-in gets.
 */
@Injectable()
export class SsoSignInService {
  private readonly settings?: OidcSettings;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly users: LiveUserDirectory,
    private readonly credentials: CredentialDirectory,
    private readonly credentialCommands: CredentialCommandHandler,
    private readonly userCommands: UserCommandHandler,
    private readonly signIns: SignInService,
    private readonly activity: AccountActivityLog,
  ) {
    this.settings = config.oidc;
  }

  async signIn(claims: OidcClaims, address: string): Promise<SignedIn> {
    const settings = this.settings;
    if (!settings) throw SsoErrors.disabled();
    const linked = this.credentials.linkedUser(claims.iss, claims.sub);
    const userId = linked ?? this.claimedUserId(settings, claims);
    const roles = settings.roleMap && rolesFromGroups(settings.roleMap, groupsOf(claims[settings.groupsClaim]));
    let user = this.users.find(userId) ?? this.users.find(userId.toLowerCase());
    if (user && !linked) this.refuseSecondIdentity(user.userId, claims.iss);
    if (!user) user = await this.provision(settings, userId, claims, roles, address);
    if (!user.active) throw SsoErrors.userDeactivated(user.userId);
    if (roles !== undefined) user = await this.followGroups(user, roles, groupsOf(claims[settings.groupsClaim]), address);
    if (!linked) await this.link(settings, user.userId, claims, address);
    return this.signIns.startSession(user, address, 'oidc');
  }

  private claimedUserId(settings: OidcSettings, claims: OidcClaims): string {
    const value = claims[settings.userClaim];
    // An address the provider says it has not verified could be anybody's.
    const unverified = settings.userClaim === 'email' && claims.email_verified === false;
    if (typeof value !== 'string' || !USER_ID.test(value) || unverified) throw SsoErrors.claimInvalid(settings.userClaim);
    return value;
  }

  private async provision(settings: OidcSettings, userId: string, claims: OidcClaims, roles: OrganisationRole[] | undefined, address: string): Promise<UserState> {
    if (!settings.provision || roles === undefined) throw SsoErrors.userUnknown(userId);
    if (roles.length === 0) throw SsoErrors.noRole(userId, groupsOf(claims[settings.groupsClaim]));
    const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 200) : userId;
    await this.userCommands.handle({ actor: SSO_ACTOR }, 'RegisterUser', {
      userId, name, roles, ...(settings.provisionManagerId === undefined ? {} : { managerId: settings.provisionManagerId }),
    });
    await this.activity.record({ kind: 'user-provisioned', userId, actorId: SSO_ACTOR.id, address, roles, method: 'oidc' });
    return this.users.find(userId)!;
  }

  private async followGroups(user: UserState, roles: OrganisationRole[], groups: string[], address: string): Promise<UserState> {
    if (roles.length === 0) throw SsoErrors.noRole(user.userId, groups);
    const same = roles.length === user.roles.length && roles.every((role) => user.roles.includes(role));
    if (same) return user;
    await this.userCommands.handle({ actor: SSO_ACTOR }, 'ChangeUserRoles', { userId: user.userId, roles });
    await this.activity.record({ kind: 'roles-synced', userId: user.userId, actorId: SSO_ACTOR.id, address, roles, method: 'oidc' });
    return this.users.find(user.userId)!;
  }

  /** One identity per person and provider: another account there that claims the same user id is not taken for them. */
  private refuseSecondIdentity(userId: string, issuer: string): void {
    const identities = Object.values(this.credentials.of(userId)?.identities ?? {});
    if (identities.some((identity) => identity.issuer === issuer)) throw SsoErrors.identityConflict(userId);
  }

  private async link(settings: OidcSettings, userId: string, claims: OidcClaims, address: string): Promise<void> {
    await this.credentialCommands.handle(SSO_ACTOR, 'LinkExternalIdentity', {
      userId, issuer: claims.iss, subject: claims.sub, claim: settings.userClaim, value: String(claims[settings.userClaim] ?? claims.sub),
    });
    await this.activity.record({ kind: 'identity-linked', userId, actorId: SSO_ACTOR.id, address, method: 'oidc' });
  }
}
