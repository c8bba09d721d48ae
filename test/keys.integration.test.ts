import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCustomer,
  getCustomer,
  listCustomers,
  type TCustomerDto,
  ZListCustomersQuery,
} from '../src/modules/customers/index.ts';
import { getKeysStatus, rotateKeys } from '../src/modules/keys/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import {
  addMasterKeyToFile,
  createKeyring,
  type Keyring,
  loadMasterKeys,
  masterKeysForTests,
  masterKeysFrom,
} from '../src/shared/crypto/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { isAppError } from '../src/shared/errors/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedOrg } from './support/factories.ts';

async function seedSecrets(ctx: Ctx, n: number, prefix: string): Promise<TCustomerDto[]> {
  const out: TCustomerDto[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      await createCustomer(ctx, {
        code: `${prefix}${i}`,
        name: `Rotation ${i}`,
        tax_id: `9131${prefix}${i}`,
        contacts: [
          { email: `c${i}@${prefix.toLowerCase()}.cn`, phone: `+86 139 0000 ${String(i).padStart(4, '0')}` },
        ],
      }),
    );
  }
  return out;
}

async function storedVersions(database: Database, orgId: string) {
  const r = await sql<{ v: number; n: string }>`
    select get_byte(tax_id_enc, 4) + 256 * get_byte(tax_id_enc, 3) as v, count(*)::text as n
    from customers where org_id = ${orgId} and tax_id_enc is not null group by 1 order by 1`.execute(
    database.db,
  );
  return Object.fromEntries(r.rows.map((x) => [x.v, Number(x.n)]));
}

const strip = (c: TCustomerDto) => ({ tax: c.tax_id, contacts: c.contacts.map((x) => [x.email, x.phone]) });

describe.each(openTestDatabases())('key rotation on $name', ({ open }) => {
  let database: Database;
  let keyring: Keyring;
  beforeAll(async () => {
    database = await open();
    keyring = createKeyring(masterKeysForTests());
    database.keyring = keyring;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('re-encrypts every value under a new data key in batches; values and blind indexes stay valid', async () => {
    const ctx = await seedOrg(database);
    const before = await seedSecrets(ctx, 7, 'R');
    const bidx = await sql<{
      b: Buffer;
    }>`select tax_id_bidx as b from customers where org_id = ${ctx.org.id} order by id`.execute(database.db);
    const old = await sql<{
      e: Uint8Array;
    }>`select tax_id_enc as e from customers where org_id = ${ctx.org.id} order by id`.execute(database.db);
    expect(await storedVersions(database, ctx.org.id)).toEqual({ 1: 7 });
    // Another process that has the old keys cached, and sees the new version only in a ciphertext.
    const otherProcess = createKeyring(keyring.masterKeys);
    await getCustomer({ ...ctx, fields: otherProcess.cipherFor(ctx.org.id) }, 'R0');

    const result = await rotateKeys({ db: database.db, keyring, orgId: ctx.org.id, batchSize: 3 });
    expect(result.orgs).toEqual([
      {
        org_id: ctx.org.id,
        data_key_version: 2,
        rewrapped_keys: 0,
        reencrypted: {
          'customers.tax_id': 7,
          'customer_contacts.email': 7,
          'customer_contacts.phone': 7,
          'bank_accounts.iban': 0,
          'bank_accounts.account_number': 0,
          'users.mfa_secret': 0,
        },
      },
    ]);
    expect(await storedVersions(database, ctx.org.id)).toEqual({ 2: 7 });
    const now = await sql<{
      e: Uint8Array;
    }>`select tax_id_enc as e from customers where org_id = ${ctx.org.id} order by id`.execute(database.db);
    for (const [i, r] of now.rows.entries()) {
      expect(Buffer.from(r.e).equals(Buffer.from(old.rows[i]?.e ?? []))).toBe(false);
    }
    const bidxAfter = await sql<{
      b: Buffer;
    }>`select tax_id_bidx as b from customers where org_id = ${ctx.org.id} order by id`.execute(database.db);
    expect(bidxAfter.rows).toEqual(bidx.rows);
    for (const c of before) expect(strip(await getCustomer(ctx, c.code))).toEqual(strip(c));
    expect(strip(await getCustomer({ ...ctx, fields: otherProcess.cipherFor(ctx.org.id) }, 'R3'))).toEqual(
      strip(before[3] as TCustomerDto),
    );
    const found = await listCustomers(ctx, ZListCustomersQuery.parse({ q: 'C5@R.CN' }));
    expect(found.items.map((c) => c.code)).toEqual(['R5']);
    // New writes use the new key; retired keys are kept.
    await createCustomer(ctx, { code: 'R-new', name: 'After', tax_id: 'NEWTAX' });
    expect(await storedVersions(database, ctx.org.id)).toEqual({ 2: 8 });
    const keys = await database.db
      .selectFrom('org_keys')
      .select(['purpose', 'version', 'status'])
      .where('org_id', '=', ctx.org.id)
      .orderBy('purpose')
      .orderBy('version')
      .execute();
    expect(keys).toEqual([
      { purpose: 'data', version: 1, status: 'retired' },
      { purpose: 'data', version: 2, status: 'active' },
      { purpose: 'index', version: 1, status: 'active' },
    ]);
    const status = await getKeysStatus(database.db, keyring.masterKeys);
    const mine = status.orgs.find((o) => o.org_id === ctx.org.id);
    expect(mine?.pending).toEqual({
      'customers.tax_id': 0,
      'customer_contacts.email': 0,
      'customer_contacts.phone': 0,
      'bank_accounts.iban': 0,
      'bank_accounts.account_number': 0,
      'users.mfa_secret': 0,
    });
    const audit = await sql<{ action: string; after: { data_key_version: number } }>`
      select action, after from audit_log where org_id = ${ctx.org.id} and action = 'keys.rotated'`.execute(
      database.db,
    );
    expect(audit.rows.map((r) => [r.action, r.after.data_key_version])).toEqual([['keys.rotated', 2]]);
  });

  it('keeps the app working during a rotation: a write in the middle lands and every value reads', async () => {
    const ctx = await seedOrg(database);
    const before = await seedSecrets(ctx, 12, 'W');
    const rotation = rotateKeys({ db: database.db, keyring, orgId: ctx.org.id, batchSize: 2 });
    const writes = Promise.all([
      createCustomer(ctx, {
        code: 'W-during',
        name: 'During',
        tax_id: 'DURINGTAX',
        contacts: [{ email: 'during@w.cn' }],
      }),
      getCustomer(ctx, 'W4'),
    ]);
    const [rotated, [during, read]] = await Promise.all([rotation, writes]);
    expect(rotated.orgs[0]?.data_key_version).toBe(2);
    expect(strip(read)).toEqual(strip(before[4] as TCustomerDto));
    expect((await getCustomer(ctx, 'W-during')).tax_id).toBe(during.tax_id);
    for (const c of before) expect(strip(await getCustomer(ctx, c.code))).toEqual(strip(c));
    const second = await rotateKeys({ db: database.db, keyring, orgId: ctx.org.id });
    expect(second.orgs[0]?.reencrypted['customers.tax_id']).toBe(13);
    expect(await storedVersions(database, ctx.org.id)).toEqual({ 3: 13 });
  });

  it('rotates the master key: every key re-wrapped, the old master no longer needed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'settle-master-'));
    try {
      const keyFile = join(dir, 'settle-master.key');
      const first = loadMasterKeys({ env: {}, keyFile, create: true });
      const server = createKeyring(first, { refreshMs: 0 }); // a running server, reading keys every time
      const ctx = await seedOrg({ ...database, keyring: server });
      const [c] = await seedSecrets(ctx, 1, 'M');
      const next = addMasterKeyToFile(keyFile);
      const result = await rotateKeys({
        db: database.db,
        keyring: createKeyring(next),
        orgId: ctx.org.id,
        rotateMaster: true,
        rotateData: false,
      });
      expect(result.orgs[0]).toMatchObject({ rewrapped_keys: 2, data_key_version: null });
      const ids = await database.db
        .selectFrom('org_keys')
        .select('master_key_id')
        .where('org_id', '=', ctx.org.id)
        .execute();
      expect(new Set(ids.map((r) => r.master_key_id))).toEqual(new Set([next.activeId]));
      // Only the new master is needed now; the old one alone no longer opens anything.
      const newOnly = masterKeysFrom(next.keys.get(next.activeId) as Buffer, [], { kind: 'memory' });
      const oldOnly = masterKeysFrom(first.keys.get(first.activeId) as Buffer, [], { kind: 'memory' });
      expect(
        (await getCustomer({ ...ctx, fields: createKeyring(newOnly).cipherFor(ctx.org.id) }, 'M0')).tax_id,
      ).toBe(c?.tax_id);
      const failed = await getCustomer(
        { ...ctx, fields: createKeyring(oldOnly).cipherFor(ctx.org.id) },
        'M0',
      ).catch((e: unknown) => e);
      expect(isAppError(failed) && failed.code).toBe('MASTER_KEY_INVALID');
      // The server loaded the file before the rotation: it reads the new key from the file by itself.
      expect((await getCustomer(ctx, 'M0')).tax_id).toBe(c?.tax_id);
      const status = await getKeysStatus(database.db, next);
      expect(status.orgs.find((o) => o.org_id === ctx.org.id)?.index_key?.master_key_id).toBe(next.activeId);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
