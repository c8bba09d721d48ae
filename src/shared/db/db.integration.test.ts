import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabases } from '../testing/test-database.ts';
import { copyLine, type Database, migrate } from './index.ts';

describe.each(openTestDatabases())('database layer on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('decodes int8 as bigint, numeric as string and date as YYYY-MM-DD on both engines', async () => {
    const r = await sql<{ b: bigint; n: string; d: string; s: bigint }>`
      select 9007199254740993::int8 as b, 7.125::numeric(20,10) as n, '2025-02-28'::date as d,
             (sum(x))::int8 as s from (values (1::int8), (2::int8)) v(x)`.execute(database.db);
    expect(r.rows[0]).toEqual({ b: 9007199254740993n, n: '7.1250000000', d: '2025-02-28', s: 3n });
  });

  it('migrations are idempotent', async () => {
    const again = await migrate(database.db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
  });

  it('loads rows with COPY inside a transaction and rolls them back with it', async () => {
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`create table if not exists copy_probe2 (a int8, t text, d date)`.execute(trx);
        const payload = copyLine([1n, 'tab\there', '2025-01-01']) + copyLine([2n, null, '2025-01-02']);
        await trx.executeQuery({
          sql: 'copy copy_probe2 (a, t, d) from stdin',
          parameters: [payload],
        } as never);
        const r = await sql<{
          n: bigint;
          t: string;
        }>`select count(*)::int8 as n, max(t) as t from copy_probe2`.execute(trx);
        expect(r.rows[0]).toEqual({ n: 2n, t: 'tab\there' });
        throw new Error('rollback');
      })
      .catch((e: Error) => expect(e.message).toBe('rollback'));
    const exists = await sql<{ n: string | null }>`select to_regclass('copy_probe2')::text as n`.execute(
      database.db,
    );
    expect(exists.rows[0]?.n).toBeNull();
  });
});
