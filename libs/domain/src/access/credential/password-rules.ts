import { CredentialErrors } from './credential.errors';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 takes any length; this only bounds the work one request can ask for. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Length is what makes a password strong (NIST SP 800-63B): at least 12 characters, no
 * composition rules; one that is the user id, or a single repeated character, is refused.
 */
export function checkPassword(password: string, userId: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) throw CredentialErrors.passwordWeak(`it must be at least ${PASSWORD_MIN_LENGTH} characters long`, PASSWORD_MIN_LENGTH);
  if (length > PASSWORD_MAX_LENGTH) throw CredentialErrors.passwordWeak(`it must be at most ${PASSWORD_MAX_LENGTH} characters long`, PASSWORD_MIN_LENGTH);
  if (password.toLowerCase().includes(userId.toLowerCase())) throw CredentialErrors.passwordWeak('it must not contain the user id', PASSWORD_MIN_LENGTH);
  if (new Set(password).size === 1) throw CredentialErrors.passwordWeak('it must not be one character repeated', PASSWORD_MIN_LENGTH);
}
