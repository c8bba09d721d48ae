import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCustomer,
  getCustomer,
  importCustomers,
  listCustomers,
  updateCustomer,
  ZListCustomersQuery,
} from '../src/modules/customers/index.ts';
import { encryptLegacyFields } from '../src/modules/keys/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import { createKeyring, type Keyring, masterKeysForTests } from '../src/shared/crypto/index.ts';
import { type Database, newId } from '../src/shared/db/index.ts';
import { AppError, isAppError } from '../src/shared/errors/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedOrg } from './support/factories.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const tag = () => randomBytes(4).toString('hex').toUpperCase();

/** Every row of every table as text (bytea as hex), read as the owner, which row-level security does not confine. */
async function dumpAllTables(database: Database): Promise<string> {
  const tables = await sql<{ t: string }>`
    select tablename as t from pg_tables where schemaname = 'public' order by 1`.execute(database.db);
  const parts: string[] = [];
  for (const { t } of tables.rows) {
    const r = await sql<{ d: string | null }>`
      select string_agg(x::text, E'\n') as d from ${sql.table(t)} x`.execute(database.db);
    parts.push(`-- ${t}\n${r.rows[0]?.d ?? ''}`);
  }
  return parts.join('\n');
}

/** The ways a plaintext could show in a dump: as typed, lower-cased, and as bytea hex. */
function forms(secret: string): string[] {
  return [secret, secret.toLowerCase(), Buffer.from(secret, 'utf8').toString('hex')];
}

function expectNoPlaintext(haystack: string, secrets: readonly string[]): void {
  for (const s of secrets) for (const f of forms(s)) expect(haystack.includes(f), `found "${f}"`).toBe(false);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

async function codeOf(p: Promise<unknown>): Promise<string | null> {
  try {
    await p;
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
}

describe.each(openTestDatabases())('field encryption on $name', ({ name, open }) => {
  let database: Database;
  let keyring: Keyring;
  let ctx: Ctx;
  beforeAll(async () => {
    database = await open();
    keyring = createKeyring(masterKeysForTests());
    database.keyring = keyring;
    ctx = await seedOrg(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores tax ids, emails and phones encrypted: no plaintext in any table, index or data file', async () => {
    const t = tag();
    const secrets = {
      tax1: `91310000TAX${t}1`,
      tax2: `91440300TAX${t}2`,
      tax3: `91110000TAX${t}3`,
      email1: `finance.${t}@acme-secret.cn`,
      email2: `ap.${t}@import-secret.cn`,
      phone1: `+86 138 ${t.replace(/\D/g, '7').slice(0, 4)} 4321`,
      phone2: `021-6${t.replace(/\D/g, '5').slice(0, 3)}-9876`,
    };
    const c = await createCustomer(ctx, {
      code: `E${t}`,
      name: '加密测试有限公司',
      tax_id: secrets.tax1,
      contacts: [{ name: 'Li Lei', email: secrets.email1, phone: secrets.phone1 }],
    });
    expect(c.tax_id).toBe(secrets.tax1);
    expect(c.contacts[0]).toMatchObject({ email: secrets.email1, phone: secrets.phone1 });
    const u = await updateCustomer(ctx, c.code, { tax_id: secrets.tax2 });
    expect(u.tax_id).toBe(secrets.tax2);
    const csv = `customer_code,customer_name,tax_id,contact_name,email,phone\nI${t},导入客户,${secrets.tax3},Han Meimei,${secrets.email2},${secrets.phone2}\nE${t},加密测试有限公司,,Wang,${secrets.email2},\n`;
    const imported = await importCustomers(ctx, { name: 'customers.csv', bytes: enc(csv) });
    expect(imported).toMatchObject({ created: 1, updated: 1 });
    const again = await importCustomers(ctx, {
      name: 'customers.csv',
      bytes: enc(csv.replace(secrets.email2, secrets.email2.toUpperCase())),
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const got = await getCustomer(ctx, `I${t}`);
    expect(got.tax_id).toBe(secrets.tax3);
    expect(got.contacts[0]).toMatchObject({
      name: 'Han Meimei',
      email: secrets.email2,
      phone: secrets.phone2,
    });

    // Exact-match search through the blind indexes, however the value is typed.
    const find = async (q: string) =>
      (await listCustomers(ctx, ZListCustomersQuery.parse({ q }))).items.map((x) => x.code).sort();
    expect(await find(secrets.tax2.replace(/(\d{4})/, '$1 '))).toEqual([`E${t}`]);
    expect(await find(secrets.email1.toUpperCase())).toEqual([`E${t}`]);
    expect(await find(secrets.email2)).toEqual([`E${t}`, `I${t}`].sort());
    expect(await find(secrets.phone1.replace(/ /g, ''))).toEqual([`E${t}`]);
    expect(await find(secrets.tax1)).toEqual([]); // replaced by tax2

    const all = Object.values(secrets);
    const dump = await dumpAllTables(database);
    expect(dump).toContain(`I${t}`); // the scan does see what is stored in plaintext
    expectNoPlaintext(dump, all);
    const cols = await sql<{ n: string }>`
      select count(*)::text as n from customers where legacy_tax_id is not null`.execute(database.db);
    expect(cols.rows[0]?.n).toBe('0');
    if (name === 'pglite') {
      // The table, index, WAL and every other file of the cluster, after a checkpoint.
      await sql`checkpoint`.execute(database.db);
      const dir = database.describe.replace(/^PGlite /, '');
      const needles = all.flatMap((s) => [s, s.toLowerCase()]).map((s) => Buffer.from(s, 'utf8'));
      let seesCode = false;
      for (const file of filesUnder(dir)) {
        const bytes = readFileSync(file);
        seesCode ||= bytes.includes(Buffer.from(`I${t}`));
        for (const n of needles) expect(bytes.includes(n), `${n.toString()} in ${file}`).toBe(false);
      }
      expect(seesCode).toBe(true);
    }
  });

  it('refuses a tampered value or one copied to another field or org (DECRYPTION_FAILED)', async () => {
    const t = tag();
    const c = await createCustomer(ctx, {
      code: `T${t}`,
      name: 'Tamper',
      tax_id: `TAX${t}`,
      contacts: [{ email: `x${t}@a.cn`, phone: '+86 10 1234 5678' }],
    });
    await sql`update customer_contacts set phone_enc = email_enc where org_id = ${ctx.org.id} and customer_id = ${c.id}`.execute(
      database.db,
    );
    expect(await codeOf(getCustomer(ctx, c.code))).toBe('DECRYPTION_FAILED');
    const other = await seedOrg(database);
    const d = await createCustomer(other, { code: `T${t}`, name: 'Other', tax_id: 'OTHER' });
    await sql`update customers set tax_id_enc = (select tax_id_enc from customers where org_id = ${ctx.org.id} and id = ${c.id})
      where org_id = ${other.org.id} and id = ${d.id}`.execute(database.db);
    expect(await codeOf(getCustomer(other, d.code))).toBe('DECRYPTION_FAILED');
    await sql`update customers set tax_id_enc = overlay(tax_id_enc placing '\\x00'::bytea from 30 for 1)
      where org_id = ${ctx.org.id} and id = ${c.id}`.execute(database.db);
    await sql`update customer_contacts set phone_enc = null where org_id = ${ctx.org.id} and customer_id = ${c.id}`.execute(
      database.db,
    );
    expect(await codeOf(getCustomer(ctx, c.code))).toBe('DECRYPTION_FAILED');
  });

  it('encrypts plaintext left from before encryption, then clears it (encryptLegacyFields)', async () => {
    const t = tag();
    const id = newId();
    const legacy = {
      tax: `LEGACYTAX${t}`,
      email: `legacy.${t}@old.cn`,
      phone: `+86 21 5${t.replace(/\D/g, '1').slice(0, 3)} 0000`,
    };
    await database.db
      .insertInto('customers')
      .values({
        org_id: ctx.org.id,
        id,
        code: `L${t}`,
        name: 'Legacy',
        currency: 'CNY',
        legacy_tax_id: legacy.tax,
      })
      .execute();
    await database.db
      .insertInto('customer_contacts')
      .values({
        org_id: ctx.org.id,
        id: newId(),
        customer_id: id,
        legacy_email: legacy.email,
        legacy_phone: legacy.phone,
      })
      .execute();
    // Readable before the pass, from the legacy columns.
    expect((await getCustomer(ctx, `L${t}`)).tax_id).toBe(legacy.tax);
    const counts = await encryptLegacyFields(database, keyring);
    expect(counts).toMatchObject({
      'customers.tax_id': 1,
      'customer_contacts.email': 1,
      'customer_contacts.phone': 1,
    });
    const got = await getCustomer(ctx, `L${t}`);
    expect([got.tax_id, got.contacts[0]?.email, got.contacts[0]?.phone]).toEqual([
      legacy.tax,
      legacy.email,
      legacy.phone,
    ]);
    expect(
      (await listCustomers(ctx, ZListCustomersQuery.parse({ q: legacy.email }))).items.map((c) => c.code),
    ).toEqual([`L${t}`]);
    expectNoPlaintext(await dumpAllTables(database), Object.values(legacy));
    expect(await encryptLegacyFields(database, keyring)).toMatchObject({ 'customers.tax_id': 0 });
  });

  it("creates an org's first keys once, even when two processes race, and not when the transaction rolls back", async () => {
    const fresh = await seedOrg(database);
    const orgId = fresh.org.id;
    // A transaction that made the keys and then rolled back must not leave them cached.
    const aborted = await codeOf(
      database.db.transaction().execute(async (trx) => {
        await keyring.cipherFor(orgId).encrypt(trx, 'customers.tax_id', 'x');
        throw new Error('rollback');
      }),
    );
    expect(aborted).toBe('Error: rollback');
    const other = createKeyring(keyring.masterKeys); // another process: its own cache
    const [a, b] = await Promise.all([
      keyring.cipherFor(orgId).encrypt(database.db, 'customers.tax_id', 'from A'),
      other.cipherFor(orgId).encrypt(database.db, 'customers.tax_id', 'from B'),
    ]);
    expect(await other.cipherFor(orgId).decrypt(database.db, 'customers.tax_id', a)).toBe('from A');
    expect(await keyring.cipherFor(orgId).decrypt(database.db, 'customers.tax_id', b)).toBe('from B');
    const keys = await database.db
      .selectFrom('org_keys')
      .select(['purpose', 'version'])
      .where('org_id', '=', orgId)
      .execute();
    expect(keys.map((k) => `${k.purpose}:${k.version}`).sort()).toEqual(['data:1', 'index:1']);
  });

  it('a context without a loaded master key refuses to write a sensitive field rather than store plaintext', async () => {
    const noKeys = { ...database, keyring: null };
    const c = await seedOrg(noKeys);
    expect(await codeOf(createCustomer(c, { code: `N${tag()}`, name: 'No keys', tax_id: 'X' }))).toBe(
      'MASTER_KEY_MISSING',
    );
    // A keyring whose master key loads on first use: nothing to encrypt, nothing loaded.
    let loads = 0;
    const lazy = createKeyring(() => {
      loads += 1;
      throw new AppError('MASTER_KEY_MISSING');
    });
    expect(await encryptLegacyFields(database, lazy)).toMatchObject({ 'customers.tax_id': 0 });
    expect(loads).toBe(0);
    const d = await seedOrg({ ...database, keyring: lazy });
    expect(await codeOf(createCustomer(d, { code: `N${tag()}`, name: 'Lazy', tax_id: 'X' }))).toBe(
      'MASTER_KEY_MISSING',
    );
    expect((await createCustomer(d, { code: `N${tag()}`, name: 'Plain fields only' })).tax_id).toBeNull();
  });
});
