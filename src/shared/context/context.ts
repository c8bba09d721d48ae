import type { Db, DbOrTx } from '../db/index.ts';
import type { CurrencyCode } from '../money/index.ts';
import type { Clock } from '../time/index.ts';

/** What every use case is handed: the database, the org it acts for, the clock, and who acts. */
export type OrgRef = { id: string; slug: string; baseCurrency: CurrencyCode; timeZone: string };

/**
 * Encryption of sensitive fields (bank accounts, tax ids, contact details, MFA secrets) under the
 * org's data key. `field` names the column (`customers.tax_id`): it is bound into the ciphertext,
 * so a value copied to another column or org does not decrypt. Keys load through `db`, which must
 * be the caller's transaction when there is one.
 */
export type FieldCipher = {
  encrypt(db: DbOrTx, field: string, plaintext: string): Promise<Buffer>;
  decrypt(db: DbOrTx, field: string, ciphertext: Buffer): Promise<string>;
  /** A keyed hash of the normalised value, stored beside the ciphertext where lookup is needed. */
  blindIndex(db: DbOrTx, field: string, value: string): Promise<Buffer>;
};

/** Gives each org its field cipher (the data keys are the org's own). */
export type Keyring = { cipherFor(orgId: string): FieldCipher };

/**
 * `db` is scoped to the org by row-level security: a query without an org filter still sees only
 * this org's rows (and, for a collector in an org that says so, only their customers).
 */
export type Ctx = {
  db: Db;
  org: OrgRef;
  clock: Clock;
  /** Who acts, as the audit trail records it: `user:<email>`, `token:<name>`, `cli:<os user>`, `system`. */
  actor: string;
  /** The signed-in user, when a person acts through the API. */
  userId: string | null;
  fields: FieldCipher;
};
