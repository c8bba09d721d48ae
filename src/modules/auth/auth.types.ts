import type { Permission } from './permissions.ts';

/** How the caller proved who they are: a browser session (cookie) or an API token (bearer). */
export type PrincipalVia =
  | { kind: 'session'; sessionId: string; csrfToken: string }
  | { kind: 'token'; tokenId: string; name: string };

/** The signed-in caller, as the HTTP layer sees it on every request. */
export type Principal = {
  orgId: string;
  userId: string;
  email: string;
  displayName: string;
  roles: string[];
  /** What the caller may do: the user's roles' permissions, intersected with a token's scopes. */
  permissions: ReadonlySet<Permission>;
  /**
   * Set only when the org limits collectors to their own customers and this user's whole authority
   * is a collector's (see `salespersonScopeOf`): the customers.salesperson value the user sees.
   */
  salesperson: string | null;
  /** The org requires MFA for one of the user's roles and the user has not enrolled yet. */
  mustEnrolMfa: boolean;
  /** The user has an authenticator enrolled. */
  isMfaEnabled: boolean;
  via: PrincipalVia;
};

/**
 * argon2id cost. Production uses DEFAULT_PASSWORD_HASHING; tests pass cheaper parameters through
 * the options of the use cases that hash a password.
 */
export type PasswordHashing = { memoryCost: number; timeCost: number; parallelism: number };

/** Options of every use case that hashes a password. */
export type HashingOptions = { hashing?: PasswordHashing };
