import type { Keyring } from '../../../shared/context/index.ts';
import type { PasswordHashing, Principal } from '../auth.types.ts';

export type LoginInput = {
  /** Org slug; needed only when the email is a user in several orgs. */
  org?: string;
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
  ip: string | null;
  userAgent: string | null;
};

export type LoginOptions = {
  /** Decrypts the TOTP secret of the user's org (the org is not known before sign-in). */
  keyring?: Keyring | null;
  /** argon2id cost for a rehash on sign-in and for the unknown-email decoy; tests lower it. */
  hashing?: PasswordHashing;
};

/** The session token goes into the httpOnly cookie; the CSRF token is readable by the page. */
export type LoginResult = { token: string; csrfToken: string; expiresAt: Date; principal: Principal };
