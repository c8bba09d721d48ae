import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { routeTableOf } from '../../src/http/plugins/access-control.ts';
import type { Ctx } from '../../src/shared/context/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { fixedClock } from '../../src/shared/time/index.ts';
import { callerWith, customRole, type TestCaller } from '../support/auth.ts';
import { seedOrg } from '../support/factories.ts';
import { type OrgBusiness, seedBusiness } from '../support/org-business.ts';
import { samples } from '../support/zod-sample.ts';

/** Every row an org owns, table by table, read on the system side. */
async function fingerprint(database: Database, orgId: string): Promise<Record<string, string>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'org_id' order by 1`.execute(database.db);
  const out: Record<string, string> = {};
  for (const { table_name } of rows) {
    const r = await sql<{ d: string | null }>`
      select md5(string_agg(t::text, '|' order by t::text)) as d from ${sql.table(table_name)} t
      where org_id = ${orgId}`.execute(database.db);
    out[table_name] = r.rows[0]?.d ?? '';
  }
  return out;
}

describe.each(openTestDatabases())('cross-org requests on $name', ({ open }) => {
  let database: Database;
  let app: FastifyInstance;
  let a: Ctx;
  let b: Ctx;
  let bData: OrgBusiness;
  let aAdmin: TestCaller;
  let bAdmin: TestCaller;

  beforeAll(async () => {
    database = await open();
    a = await seedOrg(database, { slug: 'cross-a' });
    b = await seedOrg(database, { slug: 'cross-b' });
    await seedBusiness(a, 'ORGA');
    bData = await seedBusiness(b, 'ORGB');
    aAdmin = await callerWith(a, ['admin']);
    bAdmin = await callerWith(b, ['admin'], { email: 'orgb.admin@example.com' });
    await customRole(b, 'orgb_role', ['invoices.read']);
    app = await buildApp({ database, clock: fixedClock('2025-06-30' as never) });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("org A's admin, through every route, reads nothing of org B and changes nothing of it", async () => {
    const before = await fingerprint(database, b.org.id);
    const tokenRow = await database.db
      .selectFrom('api_tokens')
      .select('id')
      .where('org_id', '=', b.org.id)
      .executeTakeFirstOrThrow();
    const bIds = [...bData.ids, bAdmin.userId, tokenRow.id, 'orgb_role'];
    const refs = {
      customer: 'ORGB-C0',
      invoice: 'ORGB-INV-01',
      receipt: bData.receiptIds[0] ?? '',
      credit_note: bData.creditNoteIds[0] ?? '',
      user: bAdmin.email,
    };
    // B's data that a response could leak: names, codes, numbers, contact details, ids.
    const secrets = [...bData.markers, ...bIds, 'ORGB Customer', 'orgb.admin@example.com'];
    // The event stream never ends, so inject cannot read it: live-events.test.ts shows that it
    // tells no org of another's changes.
    const routes = routeTableOf(app).filter(
      (r) =>
        !r.isPublic &&
        !r.url.endsWith('/logout') &&
        !r.url.startsWith('/api/docs') &&
        r.url !== '/api/events',
    );
    let calls = 0;
    const statuses = new Map<number, number>();
    for (const r of routes) {
      const bodies =
        r.body && r.method !== 'GET' && r.method !== 'DELETE' ? samples(r.body, refs) : [undefined];
      const queries = r.query
        ? samples(r.query, refs).map((q) => new URLSearchParams(q as Record<string, string>).toString())
        : [''];
      const targets = /:\w+/.test(r.url) ? bIds : [null];
      for (const target of targets) {
        for (const body of bodies) {
          for (const query of queries) {
            const path = target === null ? r.url : r.url.replace(/:\w+/g, target);
            const url = query ? `${path}?${query}` : path;
            const res = await app.inject({
              method: r.method as InjectOptions['method'],
              url,
              headers: aAdmin.headers,
              ...(body === undefined ? {} : { payload: body as object }),
            });
            calls += 1;
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            const sent = `${url} ${JSON.stringify(body ?? '')}`;
            for (const secret of secrets) {
              if (sent.includes(secret)) continue; // an error may name what was asked for
              expect(
                res.body.includes(secret),
                `${r.method} ${url} answered ${res.statusCode} with ${secret}`,
              ).toBe(false);
            }
            expect(res.statusCode, `${r.method} ${url}: ${res.body}`).toBeLessThan(500);
            if (target !== null) expect(res.statusCode, `${r.method} ${url}`).toBeGreaterThanOrEqual(400);
          }
        }
      }
    }
    // Most requests got past validation to the lookup that found nothing of B's.
    expect(statuses.get(404) ?? 0).toBeGreaterThan(200);
    expect(calls).toBeGreaterThan(200);
    expect(await fingerprint(database, b.org.id)).toEqual(before);
  }, 120_000);

  it("org B's admin sees its own data through the same routes (the test above can fail)", async () => {
    const res = await app.inject({ method: 'GET', url: '/api/customers', headers: bAdmin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('ORGB-C0');
    const inv = await app.inject({
      method: 'GET',
      url: `/api/invoices/${bData.invoiceIds[0]}`,
      headers: bAdmin.headers,
    });
    expect(inv.statusCode).toBe(200);
    const cross = await app.inject({
      method: 'GET',
      url: `/api/invoices/${bData.invoiceIds[0]}`,
      headers: aAdmin.headers,
    });
    expect(cross.statusCode).toBe(404);
  });
});
