import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/index.ts';
import type { Ctx } from '../src/shared/context/index.ts';
import type { Database } from '../src/shared/db/index.ts';
import { openTestDatabases } from '../src/shared/testing/test-database.ts';
import { seedOrg } from './support/factories.ts';

type Entry = { action: string; entity_id: string; before: Probe | null; after: Probe | null };
type Probe = { code: string; day: string; note: string | null; secret?: string };

async function probeLog(database: Database, ctx: Ctx): Promise<Entry[]> {
  const { rows } = await sql<Entry>`
    select action, entity_id, before, after from audit_log
    where org_id = ${ctx.org.id} and entity = 'audit_probe' order by seq`.execute(database.db);
  return rows;
}

/** settle_audit_attach on a table of its own: composite key, a redacted column, bulk statements. */
describe.each(openTestDatabases())('settle_audit_attach on $name', ({ open }) => {
  let database: Database;
  let a: Ctx;
  let b: Ctx;
  beforeAll(async () => {
    database = await open();
    await sql`create table audit_probe (
      org_id uuid not null, code text not null, day date not null, secret text, note text,
      primary key (org_id, code, day))`.execute(database.db);
    await sql`select settle_enable_tenancy('audit_probe')`.execute(database.db);
    await sql`select settle_audit_attach('audit_probe', array['secret'])`.execute(database.db);
    a = await seedOrg(database);
    b = await seedOrg(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('splits one statement over several orgs into each org chain, redacting secrets', async () => {
    await sql`insert into audit_probe values
      (${a.org.id}, 'X', '2025-01-01', 's1', 'one'), (${b.org.id}, 'Y', '2025-01-02', 's2', 'two'),
      (${a.org.id}, 'Z', '2025-01-03', 's3', null)`.execute(database.db);
    const logA = await probeLog(database, a);
    expect(logA.map((e) => [e.action, e.entity_id, e.after?.note])).toEqual([
      ['insert', 'X/2025-01-01', 'one'],
      ['insert', 'Z/2025-01-03', null],
    ]);
    expect(logA[0]?.after).not.toHaveProperty('secret');
    expect((await probeLog(database, b)).map((e) => e.entity_id)).toEqual(['Y/2025-01-02']);
  });

  it('pairs updated rows by key, skips unchanged rows, and records deletes', async () => {
    // Through the org's own handle (the application role): the trigger writes as the owner.
    await sql`update audit_probe set note = 'changed' where code = 'X'`.execute(a.db);
    await sql`update audit_probe set note = note`.execute(a.db);
    await sql`update audit_probe set secret = 'rotated' where code = 'Z'`.execute(a.db);
    await sql`update audit_probe set code = 'W' where code = 'Z'`.execute(a.db);
    await sql`delete from audit_probe where code = 'X'`.execute(a.db);
    const log = (await probeLog(database, a)).slice(2);
    const shape = (e: Entry) => [e.action, e.entity_id, e.before?.code ?? null, e.after?.code ?? null];
    expect([log[0], log[1], log[4]].map((e) => e && shape(e))).toEqual([
      ['update', 'X/2025-01-01', 'X', 'X'],
      // Only a redacted column changed: the change is on record, its values are not.
      ['update', 'Z/2025-01-03', 'Z', 'Z'],
      ['delete', 'X/2025-01-01', 'X', null],
    ]);
    expect([log[0]?.before?.note, log[0]?.after?.note]).toEqual(['one', 'changed']);
    // A changed key: the old row and the new row each on their own.
    expect([log[2], log[3]].map((e) => e && shape(e))).toEqual(
      expect.arrayContaining([
        ['update', 'Z/2025-01-03', 'Z', null],
        ['update', 'W/2025-01-03', null, 'W'],
      ]),
    );
    expect(log[1]?.before).toEqual(log[1]?.after);
    expect(log[1]?.after).not.toHaveProperty('secret');
    const v = await verifyAuditChain(database.db);
    expect(v.orgs.filter((o) => [a.org.id, b.org.id].includes(o.org_id)).map((o) => o.broken)).toEqual([
      null,
      null,
    ]);
  });
});
