import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/index.ts';
import { updateCustomer } from '../src/modules/customers/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedCustomer, seedOrg } from './support/factories.ts';

type LogRow = {
  seq: bigint;
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

async function logOf(database: Database, ctx: Ctx): Promise<LogRow[]> {
  const { rows } = await sql<LogRow>`
    select seq, actor, action, entity, entity_id, before, after from audit_log
    where org_id = ${ctx.org.id} order by seq`.execute(database.db);
  return rows;
}

/** What an attacker with database access does: switch the append-only trigger off and edit. */
async function tamper(database: Database, statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

async function brokenOf(database: Database, ctx: Ctx) {
  const v = await verifyAuditChain(database.db, { orgId: ctx.org.id });
  expect(v.orgs).toHaveLength(1);
  return { ok: v.ok, broken: v.orgs[0]?.broken ?? null };
}

describe.each(openTestDatabases())('audit trail on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('records a write through a use case with actor, before and after, in a valid chain', async () => {
    const ctx = await seedOrg(database);
    const customer = await seedCustomer(ctx, { name: '旧名称 有限公司' });
    await updateCustomer(ctx, customer.code, { name: '新名称 有限公司' });
    const rows = await logOf(database, ctx);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]).toMatchObject({ action: 'insert', entity: 'orgs', entity_id: ctx.org.id });
    const inserted = rows.find((r) => r.entity === 'customers' && r.action === 'insert');
    expect(inserted).toMatchObject({ actor: 'test', entity_id: customer.id, before: null });
    expect(inserted?.after).toMatchObject({ code: customer.code, name: '旧名称 有限公司' });
    const updated = rows.find((r) => r.entity === 'customers' && r.action === 'update');
    expect(updated?.actor).toBe('test');
    expect(updated?.before).toMatchObject({ name: '旧名称 有限公司' });
    expect(updated?.after).toMatchObject({ name: '新名称 有限公司' });
    expect(await brokenOf(database, ctx)).toEqual({ ok: true, broken: null });
  });

  it('names the row whose content was changed in SQL', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    await updateCustomer(ctx, c.code, { payment_terms_days: 45 });
    const target = (await logOf(database, ctx)).find(
      (r) => r.entity === 'customers' && r.action === 'insert',
    );
    const seq = Number(target?.seq);
    await tamper(
      database,
      sql`update audit_log set after = jsonb_set(after, '{name}', '"Someone Else"')
        where org_id = ${ctx.org.id} and seq = ${seq}`,
    );
    expect(await brokenOf(database, ctx)).toEqual({
      ok: false,
      broken: { seq, reason: 'hash mismatch: row content changed', entity: 'customers', entity_id: c.id },
    });
  });

  it('names a row deleted from the middle, a cut-off tail and a re-hashed row', async () => {
    const ctx = await seedOrg(database);
    for (let i = 0; i < 3; i += 1) await seedCustomer(ctx);
    const last = (await logOf(database, ctx)).length;
    await tamper(database, sql`delete from audit_log where org_id = ${ctx.org.id} and seq = ${last}`);
    expect((await brokenOf(database, ctx)).broken).toMatchObject({
      seq: last,
      reason: `missing seq ${last}`,
    });
    await tamper(database, sql`delete from audit_log where org_id = ${ctx.org.id} and seq = 3`);
    expect((await brokenOf(database, ctx)).broken).toMatchObject({ seq: 3, reason: 'missing seq 3' });

    const other = await seedOrg(database);
    await seedCustomer(other);
    // A careful attacker recomputes the changed row's own hash: the next row's link still breaks.
    await tamper(
      database,
      sql`update audit_log set actor = 'nobody', hash = sha256(prev_hash || convert_to(settle_audit_canonical(
          org_id, seq, settle_audit_micros(occurred_at), 'nobody', ip, action, entity, entity_id, before, after),
          'UTF8')) where org_id = ${other.org.id} and seq = 1`,
    );
    expect((await brokenOf(database, other)).broken).toMatchObject({
      seq: 2,
      reason: 'prev_hash does not link to seq 1',
    });
  });

  it('checks every org on the system handle and only its own on an org handle', async () => {
    const a = await seedOrg(database);
    const b = await seedOrg(database);
    await tamper(database, sql`update audit_log set actor = 'x' where org_id = ${b.org.id} and seq = 1`);
    const all = await verifyAuditChain(database.db);
    expect(all.ok).toBe(false);
    const slugs = all.orgs.map((o) => o.org_slug);
    expect(slugs).toEqual(expect.arrayContaining([a.org.slug, b.org.slug]));
    expect(all.orgs.find((o) => o.org_id === a.org.id)?.broken).toBeNull();
    expect(all.orgs.find((o) => o.org_id === b.org.id)?.broken?.seq).toBe(1);
    const own = await verifyAuditChain(a.db);
    expect(own.orgs.map((o) => o.org_id)).toEqual([a.org.id]);
    expect(own.ok).toBe(true);
    expect(own.orgs[0]?.head_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
