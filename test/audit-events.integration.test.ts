import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportAudit,
  listAuditEntries,
  recordAuditEvent,
  verifyAuditChain,
  ZListAuditQuery,
} from '../src/modules/audit/index.ts';
import { updateCustomer } from '../src/modules/customers/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { systemClock } from '../src/shared/time/index.ts';
import { seedCustomer, seedOrg } from './support/factories.ts';

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const line of lines) text += line;
  return text;
}

async function actionsOf(database: Database, ctx: Ctx): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`
    select action from audit_log where org_id = ${ctx.org.id} order by seq`.execute(database.db);
  return rows.map((r) => r.action);
}

describe.each(openTestDatabases())('audit events, listing and export on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('appends events for the own org, refuses another org, and rolls back with the caller', async () => {
    const ctx = await seedOrg(database);
    const other = await seedOrg(database);
    await recordAuditEvent(ctx.db, ctx.org.id, {
      action: 'access.denied',
      entity: 'invoices',
      entityId: 'INV-1',
      after: { permission: 'invoices.write', amount: 10n },
    });
    await expect(
      recordAuditEvent(ctx.db, other.org.id, { action: 'keys.rotated', entity: 'keys' }),
    ).rejects.toThrow(/own org/);
    await recordAuditEvent(database.db, other.org.id, { action: 'auth.login_failed', entity: 'users' });
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await recordAuditEvent(trx, ctx.org.id, { action: 'never.happened', entity: 'x' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const events = (actions: string[]) => actions.filter((a) => !['insert', 'update', 'delete'].includes(a));
    expect(events(await actionsOf(database, ctx))).toEqual(['access.denied']);
    expect(events(await actionsOf(database, other))).toEqual(['auth.login_failed']);
    const page = await listAuditEntries(ctx, ZListAuditQuery.parse({ action: 'access.denied' }));
    expect(page.items[0]).toMatchObject({
      actor: 'test',
      entity: 'invoices',
      entity_id: 'INV-1',
      after: { permission: 'invoices.write', amount: '10' },
    });
    expect((await verifyAuditChain(database.db, { orgId: other.org.id })).ok).toBe(true);
  });

  it('the application role cannot change, delete or forge audit rows', async () => {
    const ctx = await seedOrg(database);
    await expect(sql`update audit_log set actor = 'x'`.execute(ctx.db)).rejects.toThrow(/permission denied/);
    await expect(sql`delete from audit_log`.execute(ctx.db)).rejects.toThrow(/permission denied/);
    await expect(
      sql`update audit_heads set last_seq = 0 where org_id = ${ctx.org.id}`.execute(ctx.db),
    ).rejects.toThrow(/permission denied/);
    // A temporary table of the same name does not capture the trail's writes.
    await ctx.db.transaction().execute(async (trx) => {
      await sql`create temp table audit_log (like public.audit_log) on commit drop`.execute(trx);
      await sql`create temp table audit_heads (like public.audit_heads) on commit drop`.execute(trx);
      await recordAuditEvent(trx, ctx.org.id, { action: 'test.shadowed', entity: 'test' });
    });
    expect(await actionsOf(database, ctx)).toContain('test.shadowed');
    // Even the owner needs to switch the guard off first.
    await expect(
      sql`delete from audit_log where org_id = ${ctx.org.id}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('lists newest first with filters and cursors, and exports a recorded, verifiable file', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    await updateCustomer(ctx, c.code, { payment_terms_days: 60 });
    await updateCustomer(ctx, c.code, { payment_terms_days: 90 });
    const updates = await listAuditEntries(
      ctx,
      ZListAuditQuery.parse({ entity: 'customers', action: 'update', limit: 1 }),
    );
    expect(updates.items.map((e) => (e.after as { payment_terms_days: number }).payment_terms_days)).toEqual([
      90,
    ]);
    const next = await listAuditEntries(
      ctx,
      ZListAuditQuery.parse({ entity_id: c.id, action: 'update', limit: 1, cursor: updates.next_cursor }),
    );
    expect(next.items.map((e) => (e.after as { payment_terms_days: number }).payment_terms_days)).toEqual([
      60,
    ]);
    expect(next.next_cursor).toBeNull();

    const today = systemClock(ctx.org.timeZone).today();
    const all = await listAuditEntries(ctx, ZListAuditQuery.parse({ from: today, to: today, limit: 500 }));
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    const later = await listAuditEntries(ctx, ZListAuditQuery.parse({ from: '2999-01-01' }));
    expect(later.items).toEqual([]);

    const csv = await exportAudit(ctx, { from: today, to: today, format: 'csv' });
    const csvText = await collect(csv);
    expect(csvText.split('\r\n').filter(Boolean)).toHaveLength(csv.count + 1);
    expect(csvText.startsWith('\uFEFFseq,occurred_at,actor')).toBe(true);
    const jsonl = await exportAudit(ctx, { from: today, to: today, format: 'jsonl' });
    const lines = (await collect(jsonl))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; action: string });
    // The first export is in the second file (it happened before it), and recorded with its row count.
    expect(lines.at(-1)).toMatchObject({
      action: 'audit.export',
      after: { count: csv.count, format: 'csv' },
    });
    expect(jsonl.count).toBe(csv.count + 1);
    expect((await actionsOf(database, ctx)).filter((a) => a === 'audit.export')).toHaveLength(2);
    expect((await verifyAuditChain(database.db, { orgId: ctx.org.id })).ok).toBe(true);
  });
});
