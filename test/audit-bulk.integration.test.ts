import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent, verifyAuditChain } from '../src/modules/audit/index.ts';
import { updateCustomer } from '../src/modules/customers/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import { copyRows, type Database, newId } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedCustomer, seedOrg } from './support/factories.ts';

const BULK_ROWS = 100_000;

/** An import's write path: COPY into a staging table, then one INSERT … SELECT (copyRows). */
async function importCustomers(ctx: Ctx, prefix: string): Promise<number> {
  const started = performance.now();
  await ctx.db.transaction().execute(async (trx) => {
    const rows = Array.from({ length: BULK_ROWS }, (_, i) => [
      ctx.org.id,
      newId(),
      `${prefix}${i}`,
      `客户 ${prefix}${i} 有限公司`,
      'CNY',
    ]);
    await copyRows(trx, 'customers', ['org_id', 'id', 'code', 'name', 'currency'], rows);
  });
  return Math.round(performance.now() - started);
}

async function countRows(database: Database, ctx: Ctx, entity: string): Promise<number> {
  const { rows } = await sql<{ n: bigint }>`
    select count(*) as n from audit_log where org_id = ${ctx.org.id} and entity = ${entity}`.execute(
    database.db,
  );
  return Number(rows[0]?.n);
}

describe.each(openTestDatabases())('audit trail under load on $name', ({ name, open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it(`records a bulk insert of ${BULK_ROWS} rows as one row each, in a valid chain`, {
    timeout: 300_000,
  }, async () => {
    const plain = await seedOrg(database);
    await sql`alter table customers disable trigger audit_insert`.execute(database.db);
    let withoutMs: number;
    try {
      withoutMs = await importCustomers(plain, 'P');
    } finally {
      await sql`alter table customers enable trigger audit_insert`.execute(database.db);
    }
    expect(await countRows(database, plain, 'customers')).toBe(0);

    const ctx = await seedOrg(database);
    const withMs = await importCustomers(ctx, 'A');
    expect(await countRows(database, ctx, 'customers')).toBe(BULK_ROWS);
    const started = performance.now();
    const v = await verifyAuditChain(database.db, { orgId: ctx.org.id });
    const verifyMs = Math.round(performance.now() - started);
    expect(v.ok).toBe(true);
    expect(v.orgs[0]?.rows).toBeGreaterThan(BULK_ROWS);
    console.log(
      `[audit ${name}] ${BULK_ROWS} customers by COPY + INSERT…SELECT: ${withoutMs} ms without the trail, ` +
        `${withMs} ms with it (+${withMs - withoutMs} ms); verify of ${v.orgs[0]?.rows} rows: ${verifyMs} ms`,
    );
  });

  it('keeps one valid chain when transactions append for the same org at once', async () => {
    const ctx = await seedOrg(database);
    const customers = await Promise.all(Array.from({ length: 4 }, () => seedCustomer(ctx)));
    await Promise.all([
      ...customers.map((c, i) => updateCustomer(ctx, c.code, { payment_terms_days: 10 + i })),
      ...Array.from({ length: 8 }, (_, i) =>
        ctx.db.transaction().execute(async (trx) => {
          await recordAuditEvent(trx, ctx.org.id, {
            action: 'test.parallel',
            entity: 'test',
            entityId: String(i),
          });
          await sql`select pg_sleep(0.02)`.execute(trx);
          await recordAuditEvent(trx, ctx.org.id, {
            action: 'test.parallel',
            entity: 'test',
            entityId: String(i),
          });
        }),
      ),
    ]);
    const v = await verifyAuditChain(database.db, { orgId: ctx.org.id });
    expect(v.orgs[0]?.broken).toBeNull();
    expect(await countRows(database, ctx, 'test')).toBe(16);
    expect(v.orgs[0]?.rows).toBe(v.orgs[0]?.last_seq);
  });
});
