import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/http/server.ts';
import type { TInvoiceDto } from '../../src/modules/receivables/index.ts';
import type { Database } from '../../src/shared/db/index.ts';
import { openTestDatabases } from '../../src/shared/testing/test-database.ts';
import { fixedClock } from '../../src/shared/time/index.ts';
import { callerWith } from '../support/auth.ts';
import { seedCustomer, seedIssuedInvoice, seedOrg } from '../support/factories.ts';

describe.each(openTestDatabases())('startServer on $name', ({ name, open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('listens on a free port and serves real HTTP until closed', async () => {
    const ctx = await seedOrg(database);
    const c = await seedCustomer(ctx);
    await seedIssuedInvoice(ctx, c.code, { number: 'SRV-1' });
    const server = await startServer({
      database,
      orgSlug: ctx.org.slug,
      port: 0,
      clock: fixedClock('2025-06-30' as never),
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: name });
      expect((await fetch(`${server.url}/api/invoices?limit=50`)).status).toBe(401);
      const { headers } = await callerWith(ctx, ['ar_clerk']);
      const list = await fetch(`${server.url}/api/invoices?limit=50`, { headers });
      expect(list.status).toBe(200);
      expect(list.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await list.json()) as { items: TInvoiceDto[] };
      expect(body.items.map((i) => [i.number, i.total])).toEqual([['SRV-1', '113.00']]);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  });
});
