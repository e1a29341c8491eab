import { Command } from '../../shared/message';
import { PasswordLinkPurpose, SignInMethod } from './credential.events';

export type CredentialCommand =
  | Command<'IssuePasswordLink', { userId: string; linkId: string; purpose: PasswordLinkPurpose; tokenHash: string; expiresAt: string }>
  | Command<'SetPassword', { userId: string; tokenHash: string; passwordHash: string }>
  | Command<'StartSession', { userId: string; sessionId: string; expiresAt: string; method?: SignInMethod }>
  | Command<'EndSession', { userId: string; sessionId: string }>
  | Command<'CreateAccessToken', { userId: string; tokenId: string; name: string; tokenHash: string; scopes: readonly string[]; expiresAt: string }>
  | Command<'RevokeAccessToken', { userId: string; tokenId: string }>
  | Command<'LinkExternalIdentity', { userId: string; issuer: string; subject: string; claim: string; value: string }>;

export type CredentialCommandType = CredentialCommand['type'];
