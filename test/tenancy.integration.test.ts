import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedOrg } from './support/factories.ts';
import { type OrgBusiness, seedBusiness } from './support/org-business.ts';

type TableRow = { table_name: string };

/** Every table that holds org data, read from the catalogue: a new table is covered the day it is added. */
async function orgTables(database: Database): Promise<string[]> {
  const { rows } = await sql<TableRow>`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'
    order by 1`.execute(database.db);
  return rows.map((r) => r.table_name);
}

describe.each(openTestDatabases())('tenant isolation on $name', ({ open }) => {
  let database: Database;
  let a: Ctx;
  let b: Ctx;
  let bBusiness: OrgBusiness;
  let tables: string[];

  beforeAll(async () => {
    database = await open();
    a = await seedOrg(database, { slug: 'tenant-a' });
    b = await seedOrg(database, { slug: 'tenant-b' });
    await seedBusiness(a, 'ORGA');
    bBusiness = await seedBusiness(b, 'ORGB');
    tables = await orgTables(database);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('every table with org_id is under row-level security with the tenant policy', async () => {
    const { rows } = await sql<{ table_name: string; rls: boolean; policies: string[] }>`
      select c.relname as table_name, c.relrowsecurity as rls,
             coalesce(array_agg(p.polname::text) filter (where p.polname is not null), '{}') as policies
      from pg_class c left join pg_policy p on p.polrelid = c.oid
      where c.relname = any(${tables}) and c.relnamespace = 'public'::regnamespace
      group by c.relname, c.relrowsecurity order by 1`.execute(database.db);
    expect(rows.length).toBe(tables.length);
    for (const r of rows) {
      expect({ table: r.table_name, rls: r.rls }).toEqual({ table: r.table_name, rls: true });
      expect(r.policies).toContain('tenant_isolation');
    }
  });

  it('a query with no org filter sees only its own org, on every table', async () => {
    let bRowsSeen = 0;
    for (const table of tables) {
      const system = await sql<{
        n: bigint;
      }>`select count(*) as n from ${sql.table(table)} where org_id = ${b.org.id}`.execute(database.db);
      bRowsSeen += Number(system.rows[0]?.n ?? 0n);
      // Raw, unfiltered reads through A's handle: nothing of B's, whatever the table.
      const leaked = await sql<{
        n: bigint;
      }>`select count(*) as n from ${sql.table(table)} where org_id <> ${a.org.id}`.execute(a.db);
      expect({ table, leaked: leaked.rows[0]?.n }).toEqual({ table, leaked: 0n });
      const all = await a.db
        .selectFrom(table as 'invoices')
        .select(sql<bigint>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      const own = await sql<{
        n: bigint;
      }>`select count(*) as n from ${sql.table(table)} where org_id = ${a.org.id}`.execute(database.db);
      expect({ table, n: all.n }).toEqual({ table, n: own.rows[0]?.n });
    }
    expect(bRowsSeen).toBeGreaterThan(20); // B really has data to leak
  });

  it('a handle with no org set sees nothing', async () => {
    const nobody = database.scoped({ orgId: '00000000-0000-0000-0000-000000000000', actor: 'test' });
    for (const table of tables) {
      const r = await sql<{ n: bigint }>`select count(*) as n from ${sql.table(table)}`.execute(nobody);
      expect({ table, n: r.rows[0]?.n }).toEqual({ table, n: 0n });
    }
  });

  it('writes aimed at another org change nothing and inserts for it are refused', async () => {
    const before = await fingerprint(database, tables, b.org.id);
    for (const table of tables) {
      // Either row-level security hides B's rows (0 affected) or the app role may not write the
      // table at all (the audit trail's tables): both leave B untouched.
      const upd = await affected(
        sql`update ${sql.table(table)} set org_id = org_id where org_id = ${b.org.id}`,
        a,
      );
      expect({ table, upd }).toEqual({ table, upd: upd === 'denied' ? 'denied' : 0n });
      const del = await affected(sql`delete from ${sql.table(table)} where org_id = ${b.org.id}`, a);
      expect({ table, del }).toEqual({ table, del: del === 'denied' ? 'denied' : 0n });
    }
    const customerId = bBusiness.customerIds[0] ?? '';
    await expect(
      sql`insert into customers (org_id, id, code, name, currency) values (${b.org.id}, gen_random_uuid(), 'INTRUDER', 'x', 'CNY')`.execute(
        a.db,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      sql`update customers set org_id = ${b.org.id} where org_id = ${a.org.id}`.execute(a.db),
    ).rejects.toThrow(/row-level security/);
    expect(customerId).not.toBe('');
    expect(await fingerprint(database, tables, b.org.id)).toEqual(before);
  });
});

async function affected(query: RawBuilder<unknown>, ctx: Ctx): Promise<bigint | 'denied'> {
  try {
    return (await query.execute(ctx.db)).numAffectedRows ?? 0n;
  } catch (e) {
    if (/permission denied/.test((e as Error).message)) return 'denied';
    throw e;
  }
}

/** A digest of every row an org owns, per table, read on the system side. */
async function fingerprint(
  database: Database,
  tables: string[],
  orgId: string,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const r = await sql<{ d: string | null }>`
      select md5(string_agg(t::text, '|' order by t::text)) as d from ${sql.table(table)} t where org_id = ${orgId}`.execute(
      database.db,
    );
    out[table] = r.rows[0]?.d ?? '';
  }
  return out;
}
